using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Rules;
using CartStream.Transform.Tests.Support;

namespace CartStream.Transform.Tests;

public sealed class RuleTests
{
    private readonly SalesEventCleaner _cleaner = new(ReferenceData.Default);

    public static TheoryData<string, int> Defects()
    {
        var data = new TheoryData<string, int>();
        var i = 0;
        foreach (var (code, _) in TestEvents.Breakers())
        {
            data.Add(code, i++);
        }

        return data;
    }

    [Fact]
    public void A_clean_event_passes_every_rule_and_raises_no_code()
    {
        var codes = new List<string>();
        Assert.True(_cleaner.Clean(TestEvents.Clean(), TestEvents.Now, new CleanSale(), codes));
        Assert.Empty(codes);
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_defect_is_rejected_with_exactly_its_code(string code, int breaker)
    {
        var e = TestEvents.Clean();
        TestEvents.Breakers().ElementAt(breaker).Break(e);
        var codes = new List<string>();

        var accepted = _cleaner.Clean(e, TestEvents.Now, new CleanSale(), codes);

        Assert.False(accepted);
        Assert.Equal([code], codes.Where(c => RuleCatalogue.Get(c).Severity == RuleSeverity.Reject));
    }

    [Fact]
    public void The_catalogue_has_a_rule_for_every_defect_code_with_reject_severity()
    {
        foreach (var code in DefectCode.All)
        {
            Assert.Equal(RuleSeverity.Reject, RuleCatalogue.Get(code).Severity);
        }

        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void Five_minutes_ahead_is_still_accepted_but_one_millisecond_more_is_the_future()
    {
        var e = TestEvents.Clean();
        e.EventTime = TestEvents.Now + ReferenceData.MaxClockSkew;
        Assert.True(_cleaner.Clean(e, TestEvents.Now, new CleanSale(), []));
        e.EventTime = TestEvents.Now + ReferenceData.MaxClockSkew + TimeSpan.FromMilliseconds(1);
        var codes = new List<string>();
        Assert.False(_cleaner.Clean(e, TestEvents.Now, new CleanSale(), codes));
        Assert.Equal([DefectCode.FutureEventTime], codes);
    }

    [Fact]
    public void The_shop_opening_instant_is_not_stale()
    {
        var e = TestEvents.Clean();
        e.EventTime = ReferenceData.ShopOpenedUtc;
        Assert.True(_cleaner.Clean(e, TestEvents.Now, new CleanSale(), []));
    }

    [Fact]
    public void Several_defects_on_one_event_are_all_reported()
    {
        var e = TestEvents.Clean();
        e.Quantity = 0;
        e.Currency = "ZZZ";
        e.Customer.Email = "nobody";
        var codes = new List<string>();

        Assert.False(_cleaner.Clean(e, TestEvents.Now, new CleanSale(), codes));

        Assert.Equal(
            [DefectCode.MalformedEmail, DefectCode.NonPositiveQuantity, DefectCode.UnknownCurrency],
            codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_discount_above_one_is_rejected_as_out_of_range()
    {
        var e = TestEvents.Clean();
        e.Discount = 1.5m;
        var codes = new List<string>();
        Assert.False(_cleaner.Clean(e, TestEvents.Now, new CleanSale(), codes));
        Assert.Equal([RuleCode.DiscountOutOfRange], codes);
    }

    [Fact]
    public void Cleaning_trims_lower_cases_email_and_maps_city_aliases_to_canonical_names()
    {
        var e = TestEvents.Clean(country: " de ", city: "  münchen ");
        e.Customer.Email = "  Ada.Lovelace@Example.COM ";
        e.Customer.Name = " Ada   Lovelace ";
        e.PaymentMethod = "Card";
        e.Currency = "eur";
        var sale = new CleanSale();
        var codes = new List<string>();

        Assert.True(_cleaner.Clean(e, TestEvents.Now, sale, codes));

        Assert.Equal("ada.lovelace@example.com", sale.Email);
        Assert.Equal("Ada Lovelace", sale.CustomerName);
        Assert.Equal("Munich", sale.City);
        Assert.Equal("Germany", sale.Country.Name);
        Assert.Equal("EUR", sale.Currency.Code);
        Assert.Equal("card", sale.PaymentMethod);
        Assert.Contains(RuleCode.EmailNormalised, codes);
        Assert.Contains(RuleCode.CityCanonicalised, codes);
        Assert.Contains(RuleCode.TextNormalised, codes);
        Assert.All(codes, c => Assert.NotEqual(RuleSeverity.Reject, RuleCatalogue.Get(c).Severity));
    }

    [Fact]
    public void An_unknown_city_is_kept_as_typed_with_a_warning()
    {
        var e = TestEvents.Clean(city: "Atlantis");
        var sale = new CleanSale();
        var codes = new List<string>();

        Assert.True(_cleaner.Clean(e, TestEvents.Now, sale, codes));

        Assert.Equal("Atlantis", sale.City);
        Assert.Equal([RuleCode.UnknownCity], codes);
    }

    [Fact]
    public void A_missing_unit_cost_keeps_the_line_with_empty_cost_and_margin()
    {
        var e = TestEvents.Clean();
        e.Product.UnitCost = null;
        var sale = new CleanSale();
        var codes = new List<string>();

        Assert.True(_cleaner.Clean(e, TestEvents.Now, sale, codes));

        Assert.Equal([RuleCode.MissingUnitCost], codes);
        Assert.Null(sale.Amounts.Cost);
        Assert.Null(sale.Amounts.Margin);
    }

    [Fact]
    public void The_docs_show_the_catalogue_as_the_code_defines_it()
    {
        var docs = File.ReadAllText(CartStream.Testing.RepoPaths.Combine("docs", "transform.md"));
        Assert.Contains("<!-- rule-catalogue:start -->\n" + RuleCatalogue.ToMarkdown().ReplaceLineEndings("\n") + "<!-- rule-catalogue:end -->", docs);
    }

    [Fact]
    public void The_markdown_catalogue_lists_every_rule_once()
    {
        var markdown = RuleCatalogue.ToMarkdown();
        foreach (var rule in RuleCatalogue.All)
        {
            Assert.Contains($"| `{rule.Code}` |", markdown);
        }
    }
}
