using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Transform.Rules;

namespace CartStream.Transform.Cleaning;

/// <summary>
/// Applies the value rules of the <see cref="RuleCatalogue"/> to one decoded event and, in the same pass,
/// cleans it into a <see cref="CleanSale"/>. Every failed rule is reported, not only the first, so a rejected row
/// names everything wrong with it.
/// </summary>
/// <remarks>Not thread-safe: one instance per worker thread (it reuses its buffers).</remarks>
internal sealed class SalesEventCleaner(ReferenceData reference)
{
    /// <summary>Replacement for empty optional text codes, so every dimension row has a natural key.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// Validates and cleans <paramref name="source"/> into <paramref name="sale"/>. Codes of failed rules (all
    /// severities) are appended to <paramref name="codes"/>. Returns false when a reject rule failed.
    /// </summary>
    /// <param name="source">The decoded event; not modified.</param>
    /// <param name="processingTimeUtc">Now, for the future-event rule (passed in so tests and re-runs control it).</param>
    /// <param name="sale">Receives the cleaned values; partly filled when the event is rejected.</param>
    /// <param name="codes">Receives failed rule codes.</param>
    public bool Clean(SalesEvent source, DateTime processingTimeUtc, CleanSale sale, List<string> codes)
    {
        var rejected = false;
        var missing = false;
        var textRepaired = false;

        sale.EventId = source.EventId;
        sale.LineNumber = source.LineNumber;

        if (source.EventTime is { } time)
        {
            var utc = time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);
            sale.EventTime = utc;
            if (utc > processingTimeUtc + ReferenceData.MaxClockSkew)
            {
                Fail(codes, DefectCode.FutureEventTime, ref rejected);
            }

            if (utc < ReferenceData.ShopOpenedUtc)
            {
                Fail(codes, DefectCode.StaleEventTime, ref rejected);
            }
        }
        else
        {
            missing = true;
        }

        sale.OrderId = Required(TextCleaner.Clean(source.OrderId, ref textRepaired), ref missing);

        var customer = source.Customer;
        sale.CustomerId = Required(TextCleaner.Clean(customer.CustomerId, ref textRepaired), ref missing);
        sale.CustomerName = TextCleaner.Clean(customer.Name, ref textRepaired);
        sale.Segment = TextCleaner.CleanLower(customer.Segment, ref textRepaired) ?? Unknown;
        sale.SignupDate = customer.SignupDate;
        var emailRepaired = false;
        var email = TextCleaner.CleanLower(customer.Email, ref emailRepaired);
        if (email is null)
        {
            missing = true;
        }
        else
        {
            if (emailRepaired)
            {
                codes.Add(RuleCode.EmailNormalised);
            }

            if (!EmailAddress.IsWellFormed(email))
            {
                Fail(codes, DefectCode.MalformedEmail, ref rejected);
            }
        }

        sale.Email = email ?? "";

        var product = source.Product;
        sale.ProductId = Required(TextCleaner.Clean(product.ProductId, ref textRepaired), ref missing);
        sale.ProductName = TextCleaner.Clean(product.Name, ref textRepaired);
        sale.Category = Required(TextCleaner.Clean(product.Category, ref textRepaired), ref missing);
        sale.Subcategory = TextCleaner.Clean(product.Subcategory, ref textRepaired) ?? Unknown;
        sale.Brand = TextCleaner.Clean(product.Brand, ref textRepaired) ?? Unknown;

        if (product.UnitPrice is null)
        {
            missing = true;
        }
        else if (product.UnitPrice <= 0)
        {
            Fail(codes, DefectCode.NonPositivePrice, ref rejected);
        }

        if (source.Quantity is null)
        {
            missing = true;
        }
        else if (source.Quantity <= 0)
        {
            Fail(codes, DefectCode.NonPositiveQuantity, ref rejected);
        }

        sale.Quantity = source.Quantity ?? 0;
        sale.Discount = source.Discount;
        if (source.Discount < 0 || source.Discount > 1)
        {
            Fail(codes, RuleCode.DiscountOutOfRange, ref rejected);
        }

        sale.PromotionCode = TextCleaner.Clean(source.PromotionCode, ref textRepaired);

        var currencyCode = TextCleaner.CleanUpper(source.Currency, ref textRepaired);
        if (currencyCode is null)
        {
            missing = true;
        }
        else if (reference.TryGetCurrency(currencyCode, out var currency))
        {
            sale.Currency = currency;
        }
        else
        {
            Fail(codes, DefectCode.UnknownCurrency, ref rejected);
        }

        sale.PaymentMethod = TextCleaner.CleanLower(source.PaymentMethod, ref textRepaired) ?? Unknown;
        sale.OrderStatus = TextCleaner.CleanLower(source.OrderStatus, ref textRepaired) ?? Unknown;
        sale.Channel = TextCleaner.CleanLower(source.SalesChannel, ref textRepaired) ?? Unknown;
        sale.Device = TextCleaner.CleanLower(source.Device, ref textRepaired) ?? Unknown;

        CleanAddress(source.ShippingAddress, sale, codes, ref rejected, ref missing, ref textRepaired);

        if (missing)
        {
            Fail(codes, DefectCode.MissingRequiredField, ref rejected);
        }

        if (textRepaired)
        {
            codes.Add(RuleCode.TextNormalised);
        }

        if (rejected)
        {
            return false;
        }

        var unitCost = product.UnitCost is { } cost && cost >= 0 ? cost : (decimal?)null;
        if (unitCost is null)
        {
            codes.Add(RuleCode.MissingUnitCost);
        }

        sale.Amounts = LineAmounts.Compute(product.UnitPrice!.Value, unitCost, sale.Quantity, sale.Discount, sale.Currency.UsdPerUnit);
        return true;
    }

    private void CleanAddress(Address address, CleanSale sale, List<string> codes, ref bool rejected, ref bool missing, ref bool textRepaired)
    {
        sale.Street = TextCleaner.Clean(address.Street, ref textRepaired);
        sale.PostalCode = TextCleaner.CleanUpper(address.PostalCode, ref textRepaired);
        var typedCity = TextCleaner.Clean(address.City, ref textRepaired);
        var countryCode = TextCleaner.CleanUpper(address.Country, ref textRepaired);
        Country? country = null;
        if (countryCode is null)
        {
            missing = true;
        }
        else if (reference.TryGetCountry(countryCode, out country))
        {
            sale.Country = country;
        }
        else
        {
            Fail(codes, DefectCode.UnknownCountry, ref rejected);
        }

        if (typedCity is null)
        {
            missing = true;
            return;
        }

        sale.City = typedCity;
        if (country is null)
        {
            return;
        }

        var city = reference.FindCity(country.IsoCode, typedCity);
        if (city is null)
        {
            codes.Add(RuleCode.UnknownCity);
        }
        else if (!string.Equals(city.Name, typedCity, StringComparison.Ordinal))
        {
            codes.Add(RuleCode.CityCanonicalised);
            sale.City = city.Name;
        }
    }

    private static string Required(string? value, ref bool missing)
    {
        if (value is null)
        {
            missing = true;
            return "";
        }

        return value;
    }

    private static void Fail(List<string> codes, string code, ref bool rejected)
    {
        codes.Add(code);
        rejected = true;
    }
}
