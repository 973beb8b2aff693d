namespace CartStream.Transform.Cleaning;

/// <summary>
/// A line's money, computed once here and nowhere else, in the reporting currency (USD) at four decimal places.
/// </summary>
/// <remarks>
/// Each converted amount is rounded once (half away from zero) from the exact local-currency value; net and
/// margin are then differences of rounded amounts, so <c>gross - discount = net</c> and
/// <c>net - cost = margin</c> hold exactly in every row and in every sum.
/// </remarks>
/// <param name="UnitPrice">Price of one unit.</param>
/// <param name="Gross">unit_price x quantity.</param>
/// <param name="DiscountAmount">gross x discount fraction.</param>
/// <param name="Net">gross - discount amount.</param>
/// <param name="Cost">unit_cost x quantity; null when the unit cost is unknown.</param>
/// <param name="Margin">net - cost; null when the cost is unknown.</param>
internal readonly record struct LineAmounts(decimal UnitPrice, decimal Gross, decimal DiscountAmount, decimal Net, decimal? Cost, decimal? Margin)
{
    /// <summary>Decimal places of every stored amount.</summary>
    public const int Scale = 4;

    /// <summary>Computes the amounts from local-currency inputs and the currency's USD rate.</summary>
    public static LineAmounts Compute(decimal unitPrice, decimal? unitCost, int quantity, decimal discount, decimal usdPerUnit)
    {
        var grossLocal = unitPrice * quantity;
        var gross = Usd(grossLocal, usdPerUnit);
        var discountAmount = Usd(grossLocal * discount, usdPerUnit);
        var net = gross - discountAmount;
        decimal? cost = unitCost is { } c ? Usd(c * quantity, usdPerUnit) : null;
        return new LineAmounts(Usd(unitPrice, usdPerUnit), gross, discountAmount, net, cost, cost is { } k ? net - k : null);
    }

    /// <summary>One local amount in USD, rounded the way every stored amount is.</summary>
    public static decimal Usd(decimal local, decimal usdPerUnit) =>
        Math.Round(local * usdPerUnit, Scale, MidpointRounding.AwayFromZero);
}
