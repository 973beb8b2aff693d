using System.Text.RegularExpressions;
using CartStream.Events;
using CartStream.Events.Reference;

namespace CartStream.Generator.Tests;

/// <summary>
/// The rules of docs/generator.md, written independently of the generator: what a transform must find wrong with
/// an event. A generated record must break exactly the rules its label names.
/// </summary>
internal static partial class DefectRules
{
    public static List<string> Check(SalesEvent e, DateTime processingTimeUtc, ISet<Guid> seenEventIds)
    {
        var found = new List<string>();
        if (e.EventTime is null || e.OrderId is null || e.Customer.CustomerId is null || e.Customer.Email is null
            || e.Product.ProductId is null || e.Product.UnitPrice is null || e.Quantity is null || e.Currency is null
            || e.ShippingAddress.City is null || e.ShippingAddress.Country is null)
        {
            found.Add(DefectCode.MissingRequiredField);
        }

        if (e.Quantity <= 0)
        {
            found.Add(DefectCode.NonPositiveQuantity);
        }

        if (e.Product.UnitPrice <= 0)
        {
            found.Add(DefectCode.NonPositivePrice);
        }

        if (e.Customer.Email is { } email && !Email().IsMatch(email))
        {
            found.Add(DefectCode.MalformedEmail);
        }

        if (e.ShippingAddress.Country is { } country && !ReferenceData.Default.TryGetCountry(country, out _))
        {
            found.Add(DefectCode.UnknownCountry);
        }

        if (e.Currency is { } currency && !ReferenceData.Default.TryGetCurrency(currency, out _))
        {
            found.Add(DefectCode.UnknownCurrency);
        }

        if (e.EventTime > processingTimeUtc + ReferenceData.MaxClockSkew)
        {
            found.Add(DefectCode.FutureEventTime);
        }

        if (e.EventTime < ReferenceData.ShopOpenedUtc)
        {
            found.Add(DefectCode.StaleEventTime);
        }

        if (!seenEventIds.Add(e.EventId))
        {
            found.Add(DefectCode.DuplicateEvent);
        }

        return found;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex Email();
}
