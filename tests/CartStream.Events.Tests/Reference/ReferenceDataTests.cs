using CartStream.Events.Reference;

namespace CartStream.Events.Tests.Reference;

public sealed class ReferenceDataTests
{
    private static ReferenceData Data => ReferenceData.Default;

    [Fact]
    public void The_embedded_files_hold_countries_with_cities_and_currencies_with_usd_rates()
    {
        Assert.InRange(Data.Countries.Count, 20, 30);
        Assert.InRange(Data.Currencies.Count, 10, 15);
        Assert.All(Data.Countries, c =>
        {
            Assert.True(Data.TryGetCurrency(c.CurrencyCode, out _), $"{c.IsoCode} pays in unknown {c.CurrencyCode}");
            Assert.InRange(Data.CitiesOf(c.IsoCode).Count, 3, 6);
        });
        Assert.True(Data.TryGetCurrency(ReferenceData.ReportingCurrency, out var usd));
        Assert.Equal(1m, usd.UsdPerUnit);
    }

    [Theory]
    [InlineData("DE", "München", "Munich")]
    [InlineData("de", " muenchen ", "Munich")]
    [InlineData("IN", "Bombay", "Mumbai")]
    [InlineData("US", "NYC", "New York")]
    [InlineData("FR", "PARIS", "Paris")]
    public void Typed_city_names_resolve_to_the_canonical_city_of_that_country(string country, string typed, string canonical) =>
        Assert.Equal(canonical, Data.FindCity(country, typed)?.Name);

    [Fact]
    public void A_city_is_not_found_in_another_country() => Assert.Null(Data.FindCity("FR", "Munich"));

    [Fact]
    public void Amounts_convert_to_usd_at_the_file_rate()
    {
        Assert.Equal(108.5m, Data.ToReportingCurrency(100m, "eur"));
        Assert.Throws<KeyNotFoundException>(() => Data.ToReportingCurrency(1m, "ZZZ"));
    }

    [Theory]
    [InlineData("FR", "Paris", "75011", true)]
    [InlineData("FR", "Paris", "13001", false)]
    [InlineData("GB", "London", "SW1 4AB", true)]
    [InlineData("CA", "Toronto", "M5V 2T6", true)]
    [InlineData("CA", "Toronto", "m5v 2t6", false)]
    public void Postal_codes_are_checked_against_the_city_pattern(string country, string city, string code, bool matches) =>
        Assert.Equal(matches, Data.FindCity(country, city)!.PostalCodeMatches(code));

    [Fact]
    public void A_bad_row_is_reported_with_its_file_line_and_field()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReferenceData.Parse(
            new StringReader("iso_code,name,currency,customer_weight\nFR,France,EUR,7\n"),
            new StringReader("country,name,population_weight,postal_code_pattern,aliases\nFR,Paris,lots,750##,\n"),
            new StringReader("code,name,usd_per_unit,minor_units\nEUR,Euro,1.08,2\n")));
        Assert.Equal("cities.csv line 2, field 3: 'lots' is not a positive number.", error.Message);
    }
}
