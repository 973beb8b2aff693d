namespace CartStream.Events;

/// <summary>The Avro schema of <see cref="SalesEvent"/>, as shipped in <c>schemas/</c>.</summary>
public static class SalesEventSchema
{
    /// <summary>Fully qualified Avro name, also the registry subject's record name.</summary>
    public const string FullName = "cartstream.events.SalesEvent";

    /// <summary>The writer schema this build encodes with, as JSON text.</summary>
    public static string Json { get; } = ReadEmbedded("sales-event.v1.avsc");

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(SalesEventSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
