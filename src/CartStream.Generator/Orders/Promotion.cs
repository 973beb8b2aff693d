namespace CartStream.Generator.Orders;

/// <summary>A promotion code: its discount, the category it is limited to (null: every line) and when it runs.</summary>
internal sealed record Promotion(string Code, decimal Discount, string? Category, int FromMonth = 1, int FromDay = 1, int ToMonth = 12, int ToDay = 31)
{
    /// <summary>The shop's promotions: always-on codes, category codes and seasonal campaigns.</summary>
    public static readonly Promotion[] All =
    [
        new("SAVE5", 0.05m, null),
        new("FLASH15", 0.15m, null),
        new("TECH10", 0.10m, "Electronics"),
        new("STYLE25", 0.25m, "Fashion"),
        new("HOME15", 0.15m, "Home & Kitchen"),
        new("BOOKS3FOR2", 0.3333m, "Books & Media"),
        new("NEWYEAR15", 0.15m, null, 1, 1, 1, 15),
        new("SPRING10", 0.10m, null, 3, 20, 4, 30),
        new("SUMMER20", 0.20m, null, 6, 15, 8, 31),
        new("BLACKFRIDAY30", 0.30m, null, 11, 20, 11, 30),
        new("XMAS20", 0.20m, null, 12, 1, 12, 24),
    ];

    /// <summary>Ten percent off a customer's first order.</summary>
    public static readonly Promotion Welcome = new("WELCOME10", 0.10m, null);

    public bool RunsOn(DateTime time)
    {
        var day = (time.Month * 100) + time.Day;
        return day >= (FromMonth * 100) + FromDay && day <= (ToMonth * 100) + ToDay;
    }

    public bool AppliesTo(string category) => Category is null || Category == category;
}
