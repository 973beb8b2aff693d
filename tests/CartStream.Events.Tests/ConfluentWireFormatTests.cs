using System.Buffers;
using CartStream.Events.Avro;

namespace CartStream.Events.Tests;

public sealed class ConfluentWireFormatTests
{
    [Fact]
    public void Header_is_magic_byte_zero_then_the_schema_id_big_endian()
    {
        var framed = ConfluentWireFormat.Frame(0x01020304, [0xAA, 0xBB]);

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 0xAA, 0xBB }, framed);
    }

    [Fact]
    public void A_framed_message_reads_back_its_schema_id_and_body()
    {
        byte[] body = [2, 4, 6, 8];
        var framed = ConfluentWireFormat.Frame(42, body);

        var status = ConfluentWireFormat.TryRead(framed.AsSpan(), out var schemaId, out var read);

        Assert.Equal(ConfluentWireFormatStatus.Ok, status);
        Assert.Equal(42, schemaId);
        Assert.Equal(body, read.ToArray());
    }

    [Fact]
    public void The_largest_schema_id_survives_the_round_trip()
    {
        var framed = ConfluentWireFormat.Frame(int.MaxValue, []);

        Assert.Equal(ConfluentWireFormatStatus.Ok, ConfluentWireFormat.TryRead(framed.AsMemory(), out var schemaId, out var body));
        Assert.Equal(int.MaxValue, schemaId);
        Assert.True(body.IsEmpty);
        Assert.Equal(new byte[] { 0, 0x7F, 0xFF, 0xFF, 0xFF }, framed);
    }

    [Fact]
    public void A_header_written_into_a_buffer_writer_precedes_the_body()
    {
        var buffer = new ArrayBufferWriter<byte>();

        ConfluentWireFormat.WriteHeader(buffer, 7);
        buffer.Write<byte>([9, 9]);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 7, 9, 9 }, buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0, 0, 0, 1 })]
    public void A_message_shorter_than_the_header_is_too_short(byte[] message)
    {
        var status = ConfluentWireFormat.TryRead(message.AsSpan(), out var schemaId, out var body);

        Assert.Equal(ConfluentWireFormatStatus.TooShort, status);
        Assert.Equal(0, schemaId);
        Assert.True(body.IsEmpty);
        Assert.Contains("shorter", ConfluentWireFormat.Describe(status), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 2 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{' })]
    public void A_message_not_starting_with_magic_byte_zero_is_reported_as_such(byte[] message)
    {
        var status = ConfluentWireFormat.TryRead(message.AsSpan(), out var schemaId, out _);

        Assert.Equal(ConfluentWireFormatStatus.WrongMagicByte, status);
        Assert.Equal(0, schemaId);
        Assert.Contains("magic byte", ConfluentWireFormat.Describe(status), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_into_a_span_shorter_than_the_header_is_refused_without_writing()
    {
        var small = new byte[4];

        Assert.False(ConfluentWireFormat.TryWriteHeader(small, 5));
        Assert.Equal(new byte[4], small);
        Assert.Throws<ArgumentException>(() => ConfluentWireFormat.WriteHeader(new byte[3], 5));
    }
}
