using CartStream.Events.Reference;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Tests.Support;

namespace CartStream.Transform.Tests;

public sealed class AmountTests
{
    [Fact]
    public void Amounts_are_computed_once_in_usd_from_the_reference_rate()
    {
        var sale = new CleanSale();
        var e = TestEvents.Clean(currency: "EUR");
        Assert.True(new SalesEventCleaner(ReferenceData.Default).Clean(e, TestEvents.Now, sale, []));

        // 3 x 40.00 EUR at 1.085 USD/EUR, 10 % off, unit cost 25.00 EUR.
        var a = sale.Amounts;
        Assert.Equal(43.4m, a.UnitPrice);
        Assert.Equal(130.2m, a.Gross);
        Assert.Equal(13.02m, a.DiscountAmount);
        Assert.Equal(117.18m, a.Net);
        Assert.Equal(81.375m, a.Cost);
        Assert.Equal(35.805m, a.Margin);
    }

    [Fact]
    public void Usd_amounts_are_left_as_they_are()
    {
        var a = LineAmounts.Compute(19.99m, 7.50m, 2, 0m, 1m);
        Assert.Equal((19.99m, 39.98m, 0m, 39.98m, 15.00m, 24.98m), (a.UnitPrice, a.Gross, a.DiscountAmount, a.Net, a.Cost!.Value, a.Margin!.Value));
    }

    [Fact]
    public void Rounding_to_four_places_keeps_gross_minus_discount_equal_to_net()
    {
        // JPY has no minor units and a tiny rate: every product rounds, and the identities must still hold exactly.
        var rate = ReferenceData.Default.Currencies.Single(c => c.Code == "JPY").UsdPerUnit;
        var a = LineAmounts.Compute(1234m, 777m, 7, 0.1234m, rate);
        Assert.Equal(57.8746m, a.Gross);
        Assert.Equal(7.1417m, a.DiscountAmount);
        Assert.Equal(a.Gross - a.DiscountAmount, a.Net);
        Assert.Equal(a.Net - a.Cost, a.Margin);
        Assert.Equal(4, a.Gross.Scale);
    }
}
