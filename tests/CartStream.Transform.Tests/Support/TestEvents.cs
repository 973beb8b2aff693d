using CartStream.Events;

namespace CartStream.Transform.Tests.Support;

/// <summary>Hand-made events: a clean one, and one way to break it per defect.</summary>
internal static class TestEvents
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static SalesEvent Clean(int seed = 1, string currency = "EUR", string country = "DE", string city = "Berlin") => new()
    {
        EventId = new Guid(seed, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8]),
        EventTime = Now.AddHours(-1).AddMinutes(seed % 50),
        OrderId = $"O{seed:D8}",
        LineNumber = 1,
        Customer = new Customer
        {
            CustomerId = $"C{seed % 7:D7}",
            Name = "Ada Lovelace",
            Email = "ada.lovelace@example.com",
            Segment = "consumer",
            SignupDate = new DateOnly(2021, 3, 4),
        },
        Product = new Product
        {
            ProductId = $"P{seed % 5:D5}",
            Name = "Trail Shoe",
            Category = "Sports",
            Subcategory = "Running",
            Brand = "Fleet",
            UnitPrice = 40.00m,
            UnitCost = 25.00m,
        },
        Quantity = 3,
        Discount = 0.1000m,
        PromotionCode = "AUTUMN10",
        Currency = currency,
        PaymentMethod = "card",
        OrderStatus = "paid",
        SalesChannel = "web",
        Device = "desktop",
        ShippingAddress = new Address { Street = "Unter den Linden 1", PostalCode = "10117", City = city, Country = country },
    };

    /// <summary>One event per defect kind the generator injects (duplicates and not-Avro are whole records).</summary>
    public static IEnumerable<(string Code, Action<SalesEvent> Break)> Breakers() =>
    [
        (DefectCode.MissingRequiredField, e => e.Customer.CustomerId = null),
        (DefectCode.MissingRequiredField, e => e.EventTime = null),
        (DefectCode.MissingRequiredField, e => e.Product.UnitPrice = null),
        (DefectCode.MissingRequiredField, e => e.Quantity = null),
        (DefectCode.MissingRequiredField, e => e.ShippingAddress.Country = null),
        (DefectCode.MissingRequiredField, e => e.ShippingAddress.City = "   "),
        (DefectCode.MissingRequiredField, e => e.Customer.Email = null),
        (DefectCode.MissingRequiredField, e => e.Currency = null),
        (DefectCode.MissingRequiredField, e => e.OrderId = null),
        (DefectCode.MissingRequiredField, e => e.Product.ProductId = null),
        (DefectCode.NonPositiveQuantity, e => e.Quantity = 0),
        (DefectCode.NonPositiveQuantity, e => e.Quantity = -2),
        (DefectCode.NonPositivePrice, e => e.Product.UnitPrice = 0m),
        (DefectCode.NonPositivePrice, e => e.Product.UnitPrice = -40m),
        (DefectCode.MalformedEmail, e => e.Customer.Email = "ada.lovelaceexample.com"),
        (DefectCode.MalformedEmail, e => e.Customer.Email = "ada@@example.com"),
        (DefectCode.MalformedEmail, e => e.Customer.Email = "ada@example"),
        (DefectCode.MalformedEmail, e => e.Customer.Email = "ada lovelace x@example.com"),
        (DefectCode.MalformedEmail, e => e.Customer.Email = "@example.com"),
        (DefectCode.UnknownCountry, e => e.ShippingAddress.Country = "XX"),
        (DefectCode.UnknownCountry, e => e.ShippingAddress.Country = "UK"),
        (DefectCode.UnknownCurrency, e => e.Currency = "BTC"),
        (DefectCode.UnknownCurrency, e => e.Currency = "DKK"),
        (DefectCode.FutureEventTime, e => e.EventTime = Now.AddMinutes(6)),
        (DefectCode.FutureEventTime, e => e.EventTime = Now.AddDays(40)),
        (DefectCode.StaleEventTime, e => e.EventTime = DateTime.UnixEpoch),
        (DefectCode.StaleEventTime, e => e.EventTime = new DateTime(2019, 12, 31, 23, 59, 59, DateTimeKind.Utc)),
    ];
}
