using CartStream.Warehouse.Queries;

namespace CartStream.Web.Api;

/// <summary>New customers against returning customers' orders, in total and per bucket.</summary>
/// <param name="Bucket"><c>hour</c> or <c>day</c>.</param>
/// <param name="NewCustomers">Orders that were their customer's first, in the period.</param>
/// <param name="ReturningOrders">Orders of customers who had ordered before.</param>
/// <param name="Series">Per bucket.</param>
public sealed record CustomerMixResponse(string Bucket, long NewCustomers, long ReturningOrders, IReadOnlyList<CustomerMixPoint> Series);
