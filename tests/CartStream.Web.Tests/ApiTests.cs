using System.Text.Json;
using CartStream.Web.Api;

namespace CartStream.Web.Tests;

/// <summary>The JSON API against independent SQL over the Parquet files, and its answers to bad input.</summary>
public sealed class ApiTests(DashboardServer server)
{
    private Slice Whole => new(server.FirstDay, server.LastDay);

    [Fact]
    public async Task Key_figures_equal_independent_SQL_and_compare_with_the_previous_period_of_equal_length()
    {
        var day = server.LastDay.AddDays(-1);
        var slice = new Slice(day, day);
        var kpis = await server.GetAsync("/api/kpis?" + slice.Query);
        var now = server.Sql.Sum(slice);
        var before = server.Sql.Sum(new Slice(day.AddDays(-1), day.AddDays(-1)));

        Assert.Equal(day.AddDays(-1), DateOnly.Parse(kpis.GetProperty("previousFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(now.Revenue, Api.Tile(kpis, "revenue").GetProperty("value").GetDecimal());
        Assert.Equal(before.Revenue, Api.Tile(kpis, "revenue").GetProperty("previous").GetDecimal());
        Assert.Equal(Math.Round((now.Revenue - before.Revenue) / before.Revenue * 100, 1, MidpointRounding.AwayFromZero), Api.Tile(kpis, "revenue").GetProperty("changePercent").GetDecimal());
        Assert.Equal(now.Margin, Api.Tile(kpis, "margin").GetProperty("value").GetDecimal());
        Assert.Equal(now.Orders, Api.Tile(kpis, "orders").GetProperty("value").GetDecimal());
        Assert.Equal(now.Units, Api.Tile(kpis, "units").GetProperty("value").GetDecimal());
        Assert.Equal(Kpis.AverageOrderValue(now.Revenue, now.Orders), Api.Tile(kpis, "aov").GetProperty("value").GetDecimal());
        Assert.Equal(server.Sql.RejectRate(day, day), Api.Tile(kpis, "rejectRate").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Every_table_endpoint_equals_independent_SQL_for_the_whole_data_and_a_narrow_slice()
    {
        var top = server.Sql.Places(Whole)[0].Name;
        var category = server.Sql.TopCategories(Whole, 1)[0].Name;
        var channel = server.Sql.Mix("sales_channel", Whole)[0].Name;
        foreach (var slice in new[] { Whole, new Slice(server.FirstDay, server.FirstDay.AddDays(1), top, category, channel) })
        {
            AssertRows(server.Sql.TopProducts(slice, 10), await server.GetAsync("/api/top-products?limit=10&" + slice.Query), "key", "units");
            AssertRows(server.Sql.TopCategories(slice, 10), await server.GetAsync("/api/top-categories?" + slice.Query), "key", "units");
            AssertRows(server.Sql.Mix("payment_method", slice), await server.GetAsync("/api/payment-mix?" + slice.Query), "name", "orders");
            AssertRows(server.Sql.Mix("sales_channel", slice), await server.GetAsync("/api/channel-mix?" + slice.Query), "name", "orders");
            var geo = await server.GetAsync("/api/geography?" + slice.Query);
            AssertRows(server.Sql.Places(slice), geo.GetProperty("rows"), slice.Country is null ? "country" : "city", "orders");
            var customers = await server.GetAsync("/api/customers?" + slice.Query);
            var sum = server.Sql.Sum(slice);
            Assert.Equal(sum.NewCustomers, customers.GetProperty("newCustomers").GetInt64());
            Assert.Equal(sum.Orders - sum.NewCustomers, customers.GetProperty("returningOrders").GetInt64());
            var trend = await server.GetAsync("/api/trend?bucket=day&" + slice.Query);
            Assert.Equal(sum.Revenue, trend.GetProperty("current").EnumerateArray().Sum(p => p.GetProperty("revenue").GetDecimal()));
        }
    }

    [Fact]
    public async Task Geography_drills_from_countries_into_the_cities_of_one_country()
    {
        var countries = await server.GetAsync("/api/geography?" + Whole.Query);
        Assert.Equal("country", countries.GetProperty("level").GetString());
        var country = countries.GetProperty("rows")[0].GetProperty("country").GetString()!;
        var cities = await server.GetAsync("/api/geography?" + (Whole with { Country = country.ToLowerInvariant() }).Query);

        Assert.Equal("city", cities.GetProperty("level").GetString());
        Assert.All(cities.GetProperty("rows").EnumerateArray(), r => Assert.Equal(country, r.GetProperty("country").GetString()));
        Assert.Equal(countries.GetProperty("rows")[0].GetProperty("revenue").GetDecimal(), cities.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("revenue").GetDecimal()));
    }

    [Theory]
    [InlineData("/api/kpis?from=2026-01-05&to=2026-01-01", "from", "after to")]
    [InlineData("/api/kpis?from=yesterday", "from", "yyyy-MM-dd")]
    [InlineData("/api/kpis?from=1990-01-01&to=2030-12-31", "to", "more than")]
    [InlineData("/api/top-products?country=Atlantis", "country", "Unknown country 'Atlantis'")]
    [InlineData("/api/payment-mix?category=Spaceships", "category", "Unknown category")]
    [InlineData("/api/channel-mix?channel=carrier_pigeon", "channel", "Unknown channel")]
    [InlineData("/api/top-categories?limit=0", "limit", "from 1 to 100")]
    [InlineData("/api/trend?bucket=minute", "bucket", "hour or day")]
    [InlineData("/api/trend?bucket=hour&from=2026-01-01&to=2026-12-31", "bucket", "limited to 92 days")]
    [InlineData("/api/whatif?discount=95", "discount", "out of range")]
    [InlineData("/api/whatif?elasticity=1.5", "elasticity", "between -10 and 0")]
    [InlineData("/api/whatif?priceChange=ten", "priceChange", "must be a number")]
    [InlineData("/api/whatif?priceChange[Spaceships]=5", "priceChange[Spaceships]", "Unknown category")]
    [InlineData("/api/ops/logs?level=loud", "level", "Unknown level")]
    public async Task Bad_input_gets_a_ProblemDetails_naming_the_parameter_and_saying_what_is_wrong(string request, string parameter, string message)
    {
        var problem = await server.ProblemAsync(request);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_values_are_the_ones_in_the_warehouse()
    {
        var filters = await server.GetAsync("/api/filters");

        Assert.Equal(server.Sql.Places(Whole).Select(p => p.Name).Order(StringComparer.Ordinal), filters.GetProperty("countries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(server.Sql.Mix("sales_channel", Whole).Select(p => p.Name).Order(StringComparer.Ordinal), filters.GetProperty("channels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(server.Sql.TopCategories(Whole, 100).Select(p => p.Name).Order(StringComparer.Ordinal), filters.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(server.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), filters.GetProperty("firstDay").GetString());
        Assert.Equal(server.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), filters.GetProperty("lastDay").GetString());
    }

    private static void AssertRows(IReadOnlyList<IndependentSql.Row> expected, JsonElement actual, string nameProperty, string countProperty)
    {
        var rows = actual.EnumerateArray().Select(e => new IndependentSql.Row(e.GetProperty(nameProperty).GetString()!, e.GetProperty("revenue").GetDecimal(), e.GetProperty(countProperty).GetInt64())).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(expected, rows);
    }
}
