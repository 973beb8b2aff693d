using System.Text;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// Random sales events for property tests: every nullable field is sometimes null, strings mix ASCII, accented,
/// CJK and astral-plane text, numbers reach the edges of their types and of the schema's decimal precision.
/// </summary>
internal static class SalesEventGen
{
    private static readonly long MinMillis = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
    private static readonly long MaxMillis = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    private static readonly (long Min, long Max) ApacheExactMillis = (-(1L << 53) / 625, (1L << 53) / 625);

    /// <summary>Valid Unicode text (no lone surrogates), 0 to 40 code points, of several scripts.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 40],
        CodePoints(0x20, 0x7E),
        CodePoints(0xA0, 0x17F),
        CodePoints(0x4E00, 0x9FFF),
        CodePoints(0x1F300, 0x1FAFF),
        CodePoints(0x0, 0x10FFFF));

    public static readonly Gen<string?> NullableText = Gen.Frequency((1, Gen.Const(default(string))), (4, Text.Select(s => (string?)s)));

    /// <summary>
    /// Apache.Avro converts timestamps through a double (TimeSpan.TotalMilliseconds, AddMilliseconds), which is
    /// exact only while milliseconds x 625 stays below 2^53: about years 1514 to 2426. Interop tests stay inside
    /// that; <see cref="ExtremeEventTime"/> covers the rest of DateTime's range for our own round trip.
    /// </summary>
    public static readonly Gen<DateTime> EventTime = Gen.OneOf(
        Gen.Long[ApacheExactMillis.Min, ApacheExactMillis.Max],
        Gen.Long[1_600_000_000_000, 1_900_000_000_000],
        Gen.OneOf(Gen.Const(ApacheExactMillis.Min), Gen.Const(ApacheExactMillis.Max), Gen.Const(0L), Gen.Const(-1L)))
        .Select(FromMillis);

    /// <summary>Anywhere in DateTime's range, including its first and last millisecond.</summary>
    public static readonly Gen<DateTime> ExtremeEventTime = Gen.OneOf(
        Gen.Long[MinMillis, MaxMillis],
        Gen.OneOf(Gen.Const(MinMillis), Gen.Const(MaxMillis)))
        .Select(FromMillis);

    public static readonly Gen<DateOnly> SignupDate = Gen.OneOf(
        Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber],
        Gen.OneOf(Gen.Const(DateOnly.MinValue.DayNumber), Gen.Const(DateOnly.MaxValue.DayNumber)))
        .Select(DateOnly.FromDayNumber);

    public static readonly Gen<int> AnyInt = Gen.OneOf(Gen.Int, Gen.Int[-3, 300], Gen.OneOf(Gen.Const(int.MinValue), Gen.Const(int.MaxValue)));

    /// <summary>decimal(12,2): up to 10 integer digits, exactly representable at scale 2.</summary>
    public static readonly Gen<decimal> Price = Decimal(999_999_999_999L, 2);

    /// <summary>decimal(5,4).</summary>
    public static readonly Gen<decimal> Discount = Decimal(99_999L, 4);

    public static readonly Gen<Customer> Customer = Gen.Select(
        NullableText.Array[4], Nullable(SignupDate),
        (s, signup) => new Customer { CustomerId = s[0], Name = s[1], Email = s[2], Segment = s[3], SignupDate = signup });

    public static readonly Gen<Product> Product = Gen.Select(
        NullableText.Array[5], Nullable(Price), Nullable(Price),
        (s, price, cost) => new Product
        {
            ProductId = s[0], Name = s[1], Category = s[2], Subcategory = s[3], Brand = s[4], UnitPrice = price, UnitCost = cost,
        });

    public static readonly Gen<Address> Address = NullableText.Array[4]
        .Select(s => new Address { Street = s[0], PostalCode = s[1], City = s[2], Country = s[3] });

    public static readonly Gen<SalesEvent> Event = Gen.Select(
        Gen.Select(Gen.Guid, Nullable(EventTime), NullableText, AnyInt),
        Gen.Select(Customer, Product, Address),
        Gen.Select(Nullable(AnyInt), Discount, NullableText.Array[6]),
        (head, parts, tail) => new SalesEvent
        {
            EventId = head.Item1,
            EventTime = head.Item2,
            OrderId = head.Item3,
            LineNumber = head.Item4,
            Customer = parts.Item1,
            Product = parts.Item2,
            ShippingAddress = parts.Item3,
            Quantity = tail.Item1,
            Discount = tail.Item2,
            PromotionCode = tail.Item3[0],
            Currency = tail.Item3[1],
            PaymentMethod = tail.Item3[2],
            OrderStatus = tail.Item3[3],
            SalesChannel = tail.Item3[4],
            Device = tail.Item3[5],
        });

    private static DateTime FromMillis(long ms) => DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond);

    private static Gen<string> CodePoints(int min, int max) =>
        Gen.Int[min, max].Where(cp => cp is < 0xD800 or > 0xDFFF).Array[0, 20]
            .Select(cps =>
            {
                var text = new StringBuilder();
                foreach (var cp in cps)
                {
                    text.Append(char.ConvertFromUtf32(cp));
                }

                return text.ToString();
            });

    private static Gen<T?> Nullable<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Const(default(T?))), (4, gen.Select(x => (T?)x)));

    /// <summary>
    /// Decimals at the schema's scale, sometimes written with extra trailing zeros (a larger .NET scale) or fewer
    /// decimals, which must encode to the same bytes.
    /// </summary>
    private static Gen<decimal> Decimal(long maxUnscaled, int scale) =>
        Gen.Select(
            Gen.OneOf(Gen.Long[-maxUnscaled, maxUnscaled], Gen.Long[-1000, 1000], Gen.OneOf(Gen.Const(maxUnscaled), Gen.Const(-maxUnscaled), Gen.Const(0L))),
            Gen.Int[0, 2],
            (unscaled, form) =>
            {
                var value = new decimal((int)(uint)Math.Abs(unscaled), (int)(uint)(Math.Abs(unscaled) >> 32), 0, unscaled < 0, (byte)scale);
                return form switch
                {
                    1 => value * 1.000m,
                    2 => value / 1.0m,
                    _ => value,
                };
            });
}
