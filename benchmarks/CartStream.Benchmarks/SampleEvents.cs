using CartStream.Events;

namespace CartStream.Benchmarks;

/// <summary>
/// Realistic sales events for benchmarks, fixed by a seed: ids, names, emails, addresses and prices of the sizes
/// the generator produces, a few nulls, no dirty data.
/// </summary>
public static class SampleEvents
{
    private static readonly string[] FirstNames = ["Anna", "Björn", "Chloé", "Daniel", "Elif", "François", "Grace", "Hiroshi", "Ines", "José"];
    private static readonly string[] LastNames = ["Müller", "Smith", "García", "Rossi", "Novák", "Dubois", "Tanaka", "Kowalski", "Jensen", "Silva"];
    private static readonly string[] Segments = ["consumer", "small_business", "corporate"];
    private static readonly (string Category, string[] Subcategories)[] Categories =
    [
        ("Electronics", ["Phones", "Laptops", "Audio"]),
        ("Home & Kitchen", ["Cookware", "Furniture", "Lighting"]),
        ("Fashion", ["Shoes", "Outerwear", "Accessories"]),
        ("Sports", ["Cycling", "Running", "Camping"]),
    ];

    private static readonly string[] Brands = ["Acme", "Nordlys", "Kasai", "Vertex", "Lumière", "Bergstrom"];
    private static readonly string[] Currencies = ["EUR", "USD", "GBP", "SEK", "JPY"];
    private static readonly string[] Payments = ["card", "paypal", "bank_transfer", "klarna"];
    private static readonly string[] Statuses = ["placed", "paid", "shipped"];
    private static readonly string[] Channels = ["web", "mobile_app", "marketplace", "store"];
    private static readonly string[] Devices = ["desktop", "mobile", "tablet", "pos"];
    private static readonly (string City, string Country, string Postal)[] Cities =
    [
        ("Berlin", "DE", "10115"), ("München", "DE", "80331"), ("Paris", "FR", "75001"), ("Lyon", "FR", "69001"),
        ("London", "GB", "EC1A 1BB"), ("Madrid", "ES", "28001"), ("New York", "US", "10001"), ("Tokyo", "JP", "100-0001"),
    ];

    public static SalesEvent[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new SalesEvent[count];
        for (var i = 0; i < count; i++)
        {
            var first = Pick(random, FirstNames);
            var last = Pick(random, LastNames);
            var (category, subcategories) = Pick(random, Categories);
            var (city, country, postal) = Pick(random, Cities);
            var price = Math.Round((decimal)(random.NextDouble() * 500) + 1m, 2);
            events[i] = new SalesEvent
            {
                EventId = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)),
                EventTime = start.AddMilliseconds(random.NextInt64(0, 30L * 24 * 3600 * 1000)),
                OrderId = $"O{random.Next(1, 99_999_999):D8}",
                LineNumber = random.Next(1, 6),
                Customer = new Customer
                {
                    CustomerId = $"C{random.Next(1, 9_999_999):D7}",
                    Name = $"{first} {last}",
                    Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{random.Next(100)}@example.com",
                    Segment = Pick(random, Segments),
                    SignupDate = DateOnly.FromDateTime(start).AddDays(-random.Next(0, 2000)),
                },
                Product = new Product
                {
                    ProductId = $"P{random.Next(1, 99_999):D5}",
                    Name = $"{Pick(random, Brands)} {Pick(random, subcategories)} {random.Next(100, 999)}",
                    Category = category,
                    Subcategory = Pick(random, subcategories),
                    Brand = Pick(random, Brands),
                    UnitPrice = price,
                    UnitCost = Math.Round(price * 0.62m, 2),
                },
                Quantity = random.Next(1, 5),
                Discount = random.Next(4) == 0 ? 0.15m : 0m,
                PromotionCode = random.Next(4) == 0 ? "BLACKFRIDAY15" : null,
                Currency = Pick(random, Currencies),
                PaymentMethod = Pick(random, Payments),
                OrderStatus = Pick(random, Statuses),
                SalesChannel = Pick(random, Channels),
                Device = Pick(random, Devices),
                ShippingAddress = new Address
                {
                    Street = $"{random.Next(1, 200)} {Pick(random, LastNames)}straße",
                    PostalCode = postal,
                    City = city,
                    Country = country,
                },
            };
        }

        return events;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
