namespace CartStream.Generator.Files;

/// <summary>What a <see cref="FileGenerator"/> run wrote.</summary>
/// <param name="Records">Records in the file.</param>
/// <param name="DirtyRecords">Of those, records with a defect (one label each).</param>
/// <param name="FileBytes">Size of the Avro file.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record FileGenerationResult(long Records, long DirtyRecords, long FileBytes, TimeSpan Elapsed)
{
    /// <summary>Records per second of wall-clock time.</summary>
    public double RecordsPerSecond => Records / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
