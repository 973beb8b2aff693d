using CartStream.Warehouse.Queries;

namespace CartStream.Web.Api;

/// <summary>KPI tiles from the query layer's series: sums over the period, then the ratios of the sums.</summary>
public static class Kpis
{
    /// <summary>The six tiles of a period against the previous one.</summary>
    public static IReadOnlyList<KpiTile> Tiles(IReadOnlyList<SalesPoint> sales, IReadOnlyList<RejectRatePoint> quality, IReadOnlyList<SalesPoint> previousSales, IReadOnlyList<RejectRatePoint> previousQuality)
    {
        var now = Totals(sales, quality);
        var before = Totals(previousSales, previousQuality);
        return
        [
            Tile("revenue", "Revenue", "usd", now.Revenue, before.Revenue),
            Tile("margin", "Margin", "usd", now.Margin, before.Margin),
            Tile("orders", "Orders", "count", now.Orders, before.Orders),
            Tile("aov", "Average order value", "usd", now.Aov, before.Aov),
            Tile("units", "Units", "count", now.Units, before.Units),
            Tile("rejectRate", "Reject rate", "ratio", now.RejectRate, before.RejectRate),
        ];
    }

    /// <summary>Revenue / orders over a whole period, rounded to cents (0 without orders).</summary>
    public static decimal AverageOrderValue(decimal revenue, long orders) =>
        orders == 0 ? 0m : Math.Round(revenue / orders, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rejected / (facts + rejected) over a whole period, rounded to 6 decimals (0 without rows).</summary>
    public static decimal RejectRate(IReadOnlyList<RejectRatePoint> quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var facts = quality.Sum(q => q.Facts);
        var rejected = quality.Sum(q => q.Rejected);
        return facts + rejected == 0 ? 0m : Math.Round((decimal)rejected / (facts + rejected), 6, MidpointRounding.AwayFromZero);
    }

    private static (decimal Revenue, decimal Margin, long Orders, decimal Aov, long Units, decimal RejectRate) Totals(IReadOnlyList<SalesPoint> sales, IReadOnlyList<RejectRatePoint> quality)
    {
        var revenue = sales.Sum(s => s.Revenue);
        var orders = sales.Sum(s => s.Orders);
        return (revenue, sales.Sum(s => s.Margin), orders, AverageOrderValue(revenue, orders), sales.Sum(s => s.Units), RejectRate(quality));
    }

    private static KpiTile Tile(string key, string label, string unit, decimal value, decimal previous) =>
        new(key, label, unit, value, previous, previous == 0 ? null : Math.Round((value - previous) / Math.Abs(previous) * 100, 1, MidpointRounding.AwayFromZero));
}
