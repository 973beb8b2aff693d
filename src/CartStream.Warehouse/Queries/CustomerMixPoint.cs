namespace CartStream.Warehouse.Queries;

/// <summary>Orders by new and by returning customers in one time bucket.</summary>
/// <param name="Bucket">Start of the bucket, UTC.</param>
/// <param name="NewCustomers">Orders that are their customer's first (so: new customers).</param>
/// <param name="ReturningOrders">Orders of customers who had ordered before.</param>
public sealed record CustomerMixPoint(DateTime Bucket, long NewCustomers, long ReturningOrders);
