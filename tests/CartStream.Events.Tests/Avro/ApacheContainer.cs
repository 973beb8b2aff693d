using Avro;
using Avro.File;
using Avro.Generic;

namespace CartStream.Events.Tests.Avro;

/// <summary>Writes and reads container files with Apache.Avro's DataFileWriter and DataFileReader.</summary>
internal static class ApacheContainer
{
    public static byte[] Write(IEnumerable<SalesEvent> events, string codec, int syncInterval)
    {
        ApacheCodecs.EnsureRegistered();
        var stream = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(ApacheSalesEvent.Schema), stream, ApacheCodecs.For(codec)))
        {
            writer.SetSyncInterval(syncInterval);
            foreach (var value in events)
            {
                writer.Append(ApacheSalesEvent.ToRecord(value));
            }
        }

        return stream.ToArray();
    }

    public static List<GenericRecord> Read(byte[] file, Schema? readerSchema = null)
    {
        ApacheCodecs.EnsureRegistered();
        using var reader = readerSchema is null
            ? DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file))
            : DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file), readerSchema);
        var records = new List<GenericRecord>();
        while (reader.HasNext())
        {
            records.Add(reader.Next());
        }

        return records;
    }
}
