using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>Every dashboard query of a warehouse against the answers computed over the Parquet files.</summary>
internal static class DashboardAssertions
{
    public static async Task AnswersEqualTheParquetAsync(IWarehouseQueries queries, LoadedLake lake, CancellationToken ct)
    {
        var expected = lake.Expected;
        var values = expected.FilterValues();
        var actual = await queries.FilterValuesAsync(ct);
        Assert.Equal(values.Countries, actual.Countries);
        Assert.Equal(values.Categories, actual.Categories);
        Assert.Equal(values.Channels, actual.Channels);
        Assert.Equal((values.FirstDay, values.LastDay), (actual.FirstDay, actual.LastDay));
        foreach (var filter in lake.Filters)
        {
            foreach (var bucket in new[] { TimeBucket.Hour, TimeBucket.Day })
            {
                Assert.Equal(expected.SalesOverTime(filter, bucket), await queries.SalesOverTimeAsync(filter, bucket, ct));
                Assert.Equal(expected.NewVersusReturning(filter, bucket), await queries.NewVersusReturningAsync(filter, bucket, ct));
            }

            Assert.Equal(expected.TopProducts(filter, 10), await queries.TopProductsAsync(filter, 10, ct));
            Assert.Equal(expected.TopCategories(filter, 5), await queries.TopCategoriesAsync(filter, 5, ct));
            Assert.Equal(expected.SalesByCategory(filter), await queries.SalesByCategoryAsync(filter, ct));
            Assert.Equal(expected.RevenueByPlace(filter), await queries.RevenueByPlaceAsync(filter, ct));
            Assert.Equal(expected.Mix("payment_method", filter), await queries.PaymentMixAsync(filter, ct));
            Assert.Equal(expected.Mix("sales_channel", filter), await queries.ChannelMixAsync(filter, ct));
            Assert.Equal(expected.RejectRate(filter), await queries.RejectRateAsync(filter, ct));
        }
    }

    /// <summary>Every dashboard answer of a warehouse, for comparing two backends.</summary>
    public static async Task<List<object>> AllAnswersAsync(IWarehouseQueries queries, LoadedLake lake, CancellationToken ct)
    {
        var answers = new List<object>();
        var values = await queries.FilterValuesAsync(ct);
        answers.AddRange([.. values.Countries, .. values.Categories, .. values.Channels, values.FirstDay!, values.LastDay!]);
        foreach (var filter in lake.Filters)
        {
            foreach (var bucket in new[] { TimeBucket.Hour, TimeBucket.Day })
            {
                answers.AddRange(await queries.SalesOverTimeAsync(filter, bucket, ct));
                answers.AddRange(await queries.NewVersusReturningAsync(filter, bucket, ct));
            }

            answers.AddRange(await queries.TopProductsAsync(filter, 10, ct));
            answers.AddRange(await queries.TopCategoriesAsync(filter, 5, ct));
            answers.AddRange(await queries.SalesByCategoryAsync(filter, ct));
            answers.AddRange(await queries.RevenueByPlaceAsync(filter, ct));
            answers.AddRange(await queries.PaymentMixAsync(filter, ct));
            answers.AddRange(await queries.ChannelMixAsync(filter, ct));
            answers.AddRange(await queries.RejectRateAsync(filter, ct));
        }

        return answers;
    }
}
