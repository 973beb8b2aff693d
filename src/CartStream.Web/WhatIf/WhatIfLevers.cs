namespace CartStream.Web.WhatIf;

/// <summary>The four levers of a scenario, as the page and the query string give them.</summary>
/// <param name="PriceChangePercent">List price change, % (-90 to +200).</param>
/// <param name="DiscountPercent">Discount off the changed price, % (0 to 90).</param>
/// <param name="Elasticity">Price elasticity of demand (-10 to 0): units change by the price factor to this power.</param>
/// <param name="VolumeGrowthPercent">Demand growth independent of price, % (-100 to +500).</param>
public sealed record WhatIfLevers(decimal PriceChangePercent, decimal DiscountPercent, decimal Elasticity, decimal VolumeGrowthPercent)
{
    /// <summary>No change: the projection equals the baseline.</summary>
    public static readonly WhatIfLevers None = new(0, 0, 0, 0);

    /// <summary>The lever names as query parameters, with their ranges.</summary>
    public static readonly IReadOnlyList<(string Name, decimal Min, decimal Max)> Parameters =
    [
        ("priceChange", -90, 200),
        ("discount", 0, 90),
        ("elasticity", -10, 0),
        ("volumeGrowth", -100, 500),
    ];
}
