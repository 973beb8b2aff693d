namespace CartStream.Warehouse.Loading;

/// <summary>What one transaction loads: one or more whole transform batches (or one set of files), never part of one.</summary>
/// <param name="Batches">The batches, each with its files not yet in the manifest.</param>
internal sealed record LoadUnit(IReadOnlyList<LoadBatch> Batches)
{
    /// <summary>Every file of every batch, in order: a file's index here is its <c>stage_file</c> in the stage tables.</summary>
    public IReadOnlyList<LakeFile> Files { get; } = [.. Batches.SelectMany(b => b.Files)];

    /// <summary>How the unit is named in the load's step log.</summary>
    public string Name => Batches.Count == 1 ? Batches[0].BatchKey : $"{Batches[0].BatchKey} and {Batches.Count - 1} more batch(es)";
}
