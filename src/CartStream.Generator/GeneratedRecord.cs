using CartStream.Events;

namespace CartStream.Generator;

/// <summary>
/// One record of the generated stream: an event to encode, or bytes to send as they are, and the defects it
/// carries (empty for a clean record).
/// </summary>
/// <remarks>
/// <see cref="SalesEventGenerator.Next(GeneratedRecord)"/> refills one instance in place on hot paths; keep a
/// record only if it came from <see cref="SalesEventGenerator.Next()"/>.
/// </remarks>
public sealed class GeneratedRecord
{
    private static readonly string[] Clean = [];

    /// <summary>Position in the generated stream, from 0: the record's index in an Avro file, the label's <c>seq</c>.</summary>
    public long Sequence { get; internal set; }

    /// <summary>
    /// The event. When <see cref="NotAvroPayload"/> is set this is what a broken producer meant to send; the message
    /// is those bytes instead.
    /// </summary>
    public SalesEvent Event { get; } = new();

    /// <summary>Bytes to send as the message instead of the encoded event (defect <see cref="DefectCode.NotAvro"/>).</summary>
    public byte[]? NotAvroPayload { get; internal set; }

    /// <summary>Defect codes (<see cref="DefectCode"/>) this record carries, exactly; empty when clean.</summary>
    public IReadOnlyList<string> Defects { get; internal set; } = Clean;

    /// <summary>Whether the record carries a defect and gets a label.</summary>
    public bool IsDirty => Defects.Count > 0;

    internal void MarkClean()
    {
        Defects = Clean;
        NotAvroPayload = null;
    }
}
