namespace CartStream.Web.WhatIf;

/// <summary>
/// The What-If projection, in one function: the customer's price moves by the price change and the discount,
/// units follow that price by the elasticity and grow by the volume growth, and unit cost stays as it was.
/// </summary>
public static class WhatIfModel
{
    /// <summary>The formula as written on the page and in docs/web.md.</summary>
    public const string Formula =
        "price factor f = (1 + price change) x (1 - discount); unit factor q = (1 + volume growth) x f ^ elasticity; " +
        "revenue' = revenue x f x q; units' = units x q; cost = revenue - margin; margin' = revenue' - cost x q";

    /// <summary>
    /// Projects each category under its levers (<paramref name="perCategory"/> when it names the category, else
    /// <paramref name="overall"/>) and sums the total. Money is rounded to cents and units to 0.01 per line; the
    /// total is the sum of the rounded lines.
    /// </summary>
    public static WhatIfResult Project(IReadOnlyList<WhatIfBaseline> baseline, WhatIfLevers overall, IReadOnlyDictionary<string, WhatIfLevers> perCategory)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(perCategory);
        var lines = baseline
            .OrderByDescending(b => b.Revenue).ThenBy(b => b.Category, StringComparer.Ordinal)
            .Select(b => Line(b, perCategory.GetValueOrDefault(b.Category) ?? overall))
            .ToList();
        var total = new WhatIfLine(
            "Total", null,
            lines.Sum(l => l.BaselineRevenue), lines.Sum(l => l.BaselineMargin), lines.Sum(l => l.BaselineUnits),
            lines.Sum(l => l.ProjectedRevenue), lines.Sum(l => l.ProjectedMargin), lines.Sum(l => l.ProjectedUnits));
        return new WhatIfResult(Formula, total, lines);
    }

    /// <summary>One category's projection (unrounded factors, rounded results).</summary>
    public static WhatIfLine Line(WhatIfBaseline baseline, WhatIfLevers levers)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(levers);
        var f = (1 + (double)levers.PriceChangePercent / 100) * (1 - (double)levers.DiscountPercent / 100);
        var q = (1 + (double)levers.VolumeGrowthPercent / 100) * Math.Pow(f, (double)levers.Elasticity);
        var revenue = (double)baseline.Revenue * f * q;
        var cost = (double)(baseline.Revenue - baseline.Margin);
        return new WhatIfLine(
            baseline.Category, levers, baseline.Revenue, baseline.Margin, baseline.Units,
            Cents(revenue), Cents(revenue - cost * q), Math.Round((decimal)(baseline.Units * q), 2, MidpointRounding.AwayFromZero));
    }

    private static decimal Cents(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
