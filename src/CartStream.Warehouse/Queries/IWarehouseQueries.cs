namespace CartStream.Warehouse.Queries;

/// <summary>The dashboards' questions, answered from rollups kept at load time; the same answers on every backend.</summary>
public interface IWarehouseQueries : IAsyncDisposable
{
    /// <summary>
    /// A token that changes whenever a load commits (the load manifest's rows and newest load time), so an answer
    /// kept with the token it was read under is current while the token is the same.
    /// </summary>
    Task<string> DataVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Every country, category and channel with sales, and the first and last day with sales.</summary>
    Task<FilterValues> FilterValuesAsync(CancellationToken cancellationToken = default);

    /// <summary>Revenue, margin, orders, average order value and units per time bucket.</summary>
    Task<IReadOnlyList<SalesPoint>> SalesOverTimeAsync(QueryFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default);

    /// <summary>The products with the most revenue (ties by product id).</summary>
    Task<IReadOnlyList<RankedItem>> TopProductsAsync(QueryFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>The categories with the most revenue.</summary>
    Task<IReadOnlyList<RankedItem>> TopCategoriesAsync(QueryFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Revenue, margin and units of every category, the most revenue first (ties by category).</summary>
    Task<IReadOnlyList<CategorySales>> SalesByCategoryAsync(QueryFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Revenue by country, then city, ordered by country then revenue.</summary>
    Task<IReadOnlyList<PlaceRevenue>> RevenueByPlaceAsync(QueryFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Revenue and orders by payment method.</summary>
    Task<IReadOnlyList<MixItem>> PaymentMixAsync(QueryFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Revenue and orders by sales channel.</summary>
    Task<IReadOnlyList<MixItem>> ChannelMixAsync(QueryFilter filter, CancellationToken cancellationToken = default);

    /// <summary>New customers and returning customers' orders per time bucket.</summary>
    Task<IReadOnlyList<CustomerMixPoint>> NewVersusReturningAsync(QueryFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default);

    /// <summary>Reject rate per day (only the date range applies: rejected rows have no trusted country or category).</summary>
    Task<IReadOnlyList<RejectRatePoint>> RejectRateAsync(QueryFilter filter, CancellationToken cancellationToken = default);
}
