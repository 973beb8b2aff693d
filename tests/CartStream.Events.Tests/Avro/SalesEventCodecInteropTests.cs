using System.Buffers;
using CartStream.Events.Avro;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

public sealed class SalesEventCodecInteropTests
{
    private const int Iterations = 400;

    [Fact]
    public void Our_bytes_equal_Apache_Avro_generic_writer_bytes_for_random_events()
    {
        SalesEventGen.Event.Sample(
            value =>
            {
                var ours = Encode(value);
                var apache = ApacheSalesEvent.Encode(value);
                Assert.Equal(Convert.ToHexString(apache), Convert.ToHexString(ours));
            },
            iter: Iterations);
    }

    [Fact]
    public void Apache_Avro_decodes_our_bytes_to_the_same_event()
    {
        SalesEventGen.Event.Sample(
            value => SalesEventAssert.Equal(value, ApacheSalesEvent.Decode(Encode(value))),
            iter: Iterations);
    }

    [Fact]
    public void We_decode_Apache_Avro_bytes_to_the_same_event_and_consume_every_byte()
    {
        SalesEventGen.Event.Sample(
            value =>
            {
                var apache = ApacheSalesEvent.Encode(value);
                var decoded = new SalesEvent();
                Assert.Equal(apache.Length, SalesEventCodec.Read(apache, decoded));
                SalesEventAssert.Equal(value, decoded);
            },
            iter: Iterations);
    }

    [Fact]
    public void Records_appended_one_after_another_decode_back_in_order()
    {
        SalesEventGen.Event.Array[1, 20].Sample(
            values =>
            {
                var output = new ArrayBufferWriter<byte>();
                foreach (var value in values)
                {
                    SalesEventCodec.Write(value, output);
                }

                var remaining = output.WrittenMemory;
                var into = new SalesEvent();
                foreach (var value in values)
                {
                    remaining = remaining[SalesEventCodec.Read(remaining.Span, into)..];
                    SalesEventAssert.Equal(value, into);
                }

                Assert.True(remaining.IsEmpty);
            },
            iter: 100);
    }

    [Fact]
    public void Repeated_and_colliding_values_of_shared_string_fields_decode_to_the_right_text()
    {
        // Far more distinct currencies and cities than the decoder's shared-string table has slots, repeated.
        var into = new SalesEvent();
        for (var i = 0; i < 20_000; i++)
        {
            var value = new SalesEvent { EventId = Guid.NewGuid(), Currency = $"C{i % 5000}", Device = i % 2 == 0 ? "mobile" : "pos" };
            value.ShippingAddress.City = $"Ville-{i % 3000}-é";
            SalesEventCodec.Read(Encode(value), into);
            Assert.Equal(value.Currency, into.Currency);
            Assert.Equal(value.Device, into.Device);
            Assert.Equal(value.ShippingAddress.City, into.ShippingAddress.City);
        }
    }

    internal static byte[] Encode(SalesEvent value)
    {
        var output = new ArrayBufferWriter<byte>();
        SalesEventCodec.Write(value, output);
        return output.WrittenSpan.ToArray();
    }
}
