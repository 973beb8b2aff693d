namespace CartStream.Lake.Sink;

/// <summary>The schema a record was written with, as the schema registry knows it.</summary>
/// <param name="Id">The registry's id (the Confluent wire format's 4-byte schema id).</param>
/// <param name="Json">The schema text, stored in the file header.</param>
public sealed record WriterSchema(int Id, string Json);
