using System.Text.Json;
using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Defects;

/// <summary>
/// Breaks a clean event in exactly one way, so the record carries only the defect its label names: a missing
/// field is left null (not made invalid), an unknown country keeps a real city, a bad email keeps everything else.
/// </summary>
internal sealed class DefectInjector
{
    /// <summary>Fields the model needs that a <see cref="DefectCode.MissingRequiredField"/> record leaves empty.</summary>
    public static readonly string[] RequiredFields =
    [
        "event_time", "order_id", "customer.customer_id", "customer.email", "product.product_id",
        "product.unit_price", "quantity", "currency", "shipping_address.city", "shipping_address.country",
    ];

    // Not ISO codes at all, or codes of currencies the shop does not take: none is in the reference data.
    private static readonly string[] UnknownCountries = ["XX", "ZZ", "QQ", "EU", "UK"];
    private static readonly string[] UnknownCurrencies = ["ZZZ", "XBT", "BTC", "DKK", "ZAR"];
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly DateTime EarliestStale = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public DefectInjector(ReferenceData reference)
    {
        foreach (var code in UnknownCountries)
        {
            if (reference.TryGetCountry(code, out _))
            {
                throw new InvalidOperationException($"'{code}' is a known country: it cannot stand for an unknown one.");
            }
        }

        foreach (var code in UnknownCurrencies)
        {
            if (reference.TryGetCurrency(code, out _))
            {
                throw new InvalidOperationException($"'{code}' is a known currency: it cannot stand for an unknown one.");
            }
        }
    }

    /// <summary>Applies one defect to <paramref name="e"/>; returns the bytes to send instead for not-Avro.</summary>
    /// <param name="code">The defect, from <see cref="DefectCode"/> (not the duplicate: that is a whole record).</param>
    /// <param name="e">A clean event.</param>
    /// <param name="random">The generator's random stream.</param>
    /// <param name="futureAnchor">A time the future-dated event must be well after.</param>
    public byte[]? Apply(string code, SalesEvent e, DeterministicRandom random, DateTime futureAnchor)
    {
        switch (code)
        {
            case DefectCode.MissingRequiredField:
                ClearField(e, random.Next(RequiredFields.Length));
                break;
            case DefectCode.NonPositiveQuantity:
                e.Quantity = random.Chance(0.5) ? 0 : -random.Between(1, 5);
                break;
            case DefectCode.NonPositivePrice:
                e.Product.UnitPrice = random.Chance(0.5) ? 0m : -e.Product.UnitPrice;
                break;
            case DefectCode.MalformedEmail:
                e.Customer.Email = BreakEmail(e.Customer.Email!, random);
                break;
            case DefectCode.UnknownCountry:
                e.ShippingAddress.Country = random.Pick(UnknownCountries);
                break;
            case DefectCode.UnknownCurrency:
                e.Currency = random.Pick(UnknownCurrencies);
                break;
            case DefectCode.FutureEventTime:
                // Days to months ahead: a skewed device clock, still the future when the file is read days later.
                var ahead = TimeSpan.FromMinutes(random.Between(2 * 24 * 60, 400 * 24 * 60));
                e.EventTime = Millis(Max(e.EventTime!.Value, futureAnchor) + ahead);
                break;
            case DefectCode.StaleEventTime:
                e.EventTime = random.Chance(0.2)
                    ? DateTime.UnixEpoch
                    : Millis(EarliestStale + TimeSpan.FromMinutes(random.Next((int)(ReferenceData.ShopOpenedUtc - EarliestStale).TotalMinutes)));
                break;
            case DefectCode.NotAvro:
                return NotAvro(e, random);
            default:
                throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defect the injector applies to one event.");
        }

        return null;
    }

    private static void ClearField(SalesEvent e, int field)
    {
        switch (field)
        {
            case 0: e.EventTime = null; break;
            case 1: e.OrderId = null; break;
            case 2: e.Customer.CustomerId = null; break;
            case 3: e.Customer.Email = null; break;
            case 4: e.Product.ProductId = null; break;
            case 5: e.Product.UnitPrice = null; break;
            case 6: e.Quantity = null; break;
            case 7: e.Currency = null; break;
            case 8: e.ShippingAddress.City = null; break;
            default: e.ShippingAddress.Country = null; break;
        }
    }

    private static string BreakEmail(string email, DeterministicRandom random)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = email[..at];
        var domain = email[(at + 1)..];
        var firstDot = domain.IndexOf('.', StringComparison.Ordinal);
        return random.Next(5) switch
        {
            0 => local + domain,
            1 => $"{local}@@{domain}",
            2 => $"{local}@{domain[..firstDot]}",
            3 => $"{local.Replace('.', ' ').Replace('_', ' ')} x@{domain}",
            _ => $"@{domain}",
        };
    }

    private static byte[] NotAvro(SalesEvent e, DeterministicRandom random)
    {
        if (random.Chance(0.5))
        {
            // A producer that sent JSON: '{' read as an Avro length is negative, so no decoder can take it for a record.
            return JsonSerializer.SerializeToUtf8Bytes(e, Json);
        }

        var bytes = new byte[random.Between(8, 200)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        // An odd first byte is a negative zig-zag length for the event id: never a valid Avro record.
        bytes[0] |= 1;
        return bytes;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Millis(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
