using System.Buffers;
using CartStream.Events.Avro;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

public sealed class AvroBinaryPrimitivesTests
{
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(-1L, "01")]
    [InlineData(1L, "02")]
    [InlineData(-64L, "7F")]
    [InlineData(64L, "8001")]
    [InlineData(int.MaxValue, "FEFFFFFF0F")]
    [InlineData(int.MinValue, "FFFFFFFF0F")]
    [InlineData(long.MaxValue, "FEFFFFFFFFFFFFFFFF01")]
    [InlineData(long.MinValue, "FFFFFFFFFFFFFFFFFF01")]
    public void Longs_are_zig_zag_varints_as_the_spec_shows(long value, string hex)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new AvroBinaryWriter(output);
        writer.WriteLong(value);
        writer.Flush();
        Assert.Equal(hex, Convert.ToHexString(output.WrittenSpan));

        var reader = new AvroBinaryReader(output.WrittenSpan);
        Assert.Equal(value, reader.ReadLong());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Ints_and_longs_round_trip_and_match_each_other_for_every_int()
    {
        Gen.Select(Gen.Int, Gen.Long).Sample(
            (i, l) =>
            {
                Span<byte> buffer = stackalloc byte[32];
                var writer = new AvroBinaryWriter(buffer);
                writer.WriteInt(i);
                writer.WriteLong(i);
                writer.WriteLong(l);
                var reader = new AvroBinaryReader(buffer[..(int)writer.BytesWritten]);
                Assert.Equal(i, reader.ReadInt());
                Assert.Equal(i, reader.ReadLong());
                Assert.Equal(l, reader.ReadLong());
            },
            iter: 2000);
    }

    [Fact]
    public void Strings_of_any_length_round_trip_as_utf8_with_a_byte_length_prefix()
    {
        Gen.OneOf(SalesEventGen.Text, Gen.String[Gen.Char.AlphaNumeric, 0, 20000]).Sample(
            text =>
            {
                var output = new ArrayBufferWriter<byte>(16);
                var writer = new AvroBinaryWriter(output);
                writer.WriteString(text);
                writer.Flush();

                var reader = new AvroBinaryReader(output.WrittenSpan);
                Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), reader.ReadUtf8String().Length);
                reader = new AvroBinaryReader(output.WrittenSpan);
                Assert.Equal(text, reader.ReadString());
            },
            iter: 300);
    }

    [Theory]
    [InlineData("80", "ends")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF01", "64 bits")]
    [InlineData("FFFFFFFFFFFFFFFFFF03", "64 bits")]
    public void A_broken_long_is_a_format_error(string hex, string expected)
    {
        var bytes = Convert.FromHexString(hex);
        var error = Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(bytes).ReadLong());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_past_the_end_negative_lengths_bad_unions_and_invalid_utf8_are_format_errors()
    {
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader("06616263"u8.ToArray()[..0]).ReadString());
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("0A6162")).ReadString());
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("01")).ReadBytes());
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("04")).ReadUnionIndex(2));
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("04C328")).ReadString());
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("FFFFFFFF1F")).ReadInt());
        Assert.Throws<AvroFormatException>(() => new AvroBinaryReader(Convert.FromHexString("0461")).ReadUuid());
    }

    [Fact]
    public void Every_truncation_of_an_encoded_event_is_a_format_error_never_an_index_error()
    {
        SalesEventGen.Event.Sample(
            value =>
            {
                var bytes = SalesEventCodecInteropTests.Encode(value);
                for (var length = 0; length < bytes.Length; length++)
                {
                    var prefix = bytes[..length];
                    Assert.Throws<AvroFormatException>(() => SalesEventCodec.Read(prefix));
                }
            },
            iter: 50);
    }

    [Fact]
    public void Random_bytes_decode_as_an_event_or_fail_with_a_format_error_only()
    {
        Gen.Byte.Array[0, 300].Sample(
            bytes =>
            {
                try
                {
                    SalesEventCodec.Read(bytes);
                }
                catch (AvroFormatException)
                {
                }
            },
            iter: 2000);
    }

    [Theory]
    [InlineData("12.345", "product.unit_price")]
    [InlineData("0.00001", "discount")]
    [InlineData("10000000000.00", "product.unit_price")]
    [InlineData("10.0000", "discount")]
    public void A_decimal_that_does_not_fit_its_scale_or_precision_is_rejected_and_nothing_is_written(string text, string field)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var sales = new SalesEvent { EventId = Guid.NewGuid() };
        if (field == "discount")
        {
            sales.Discount = value;
        }
        else
        {
            sales.Product.UnitPrice = value;
        }

        var output = new ArrayBufferWriter<byte>();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SalesEventCodec.Write(sales, output));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Decimals_with_trailing_zeros_beyond_the_scale_encode_like_the_plain_value()
    {
        var plain = new SalesEvent { EventId = Guid.Empty, Discount = 0.25m };
        plain.Product.UnitPrice = 19.9m;
        var padded = new SalesEvent { EventId = Guid.Empty, Discount = 0.250000m };
        padded.Product.UnitPrice = 19.900000m;
        Assert.Equal(SalesEventCodecInteropTests.Encode(plain), SalesEventCodecInteropTests.Encode(padded));
    }

    [Fact]
    public void Event_times_anywhere_in_the_DateTime_range_round_trip_to_the_millisecond()
    {
        Gen.Select(SalesEventGen.Event, SalesEventGen.ExtremeEventTime).Sample(
            (value, time) =>
            {
                value.EventTime = time;
                Assert.Equal(time, SalesEventCodec.Read(SalesEventCodecInteropTests.Encode(value)).EventTime);
            },
            iter: 200);
    }

    [Fact]
    public void Sub_millisecond_ticks_are_dropped_downwards_and_local_times_are_stored_as_utc()
    {
        var utc = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var value = new SalesEvent { EventTime = utc.AddTicks(9999) };
        Assert.Equal(utc, SalesEventCodec.Read(SalesEventCodecInteropTests.Encode(value)).EventTime);

        var beforeEpoch = DateTime.UnixEpoch.AddTicks(-1);
        value.EventTime = beforeEpoch;
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(-1), SalesEventCodec.Read(SalesEventCodecInteropTests.Encode(value)).EventTime);

        value.EventTime = utc.ToLocalTime();
        var decoded = SalesEventCodec.Read(SalesEventCodecInteropTests.Encode(value)).EventTime;
        Assert.Equal(utc, decoded);
        Assert.Equal(DateTimeKind.Utc, decoded!.Value.Kind);
    }
}
