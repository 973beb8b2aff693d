using CartStream.Warehouse.Queries;

namespace CartStream.Web.Api;

/// <summary>Sales per bucket in the period and in the previous period of equal length.</summary>
/// <param name="Bucket"><c>hour</c> or <c>day</c>.</param>
/// <param name="From">First day of the period.</param>
/// <param name="PreviousFrom">First day of the previous period: a point's offset from it matches the same offset in the period.</param>
/// <param name="Current">The period's buckets (only those with sales).</param>
/// <param name="Previous">The previous period's buckets.</param>
public sealed record TrendResponse(string Bucket, DateOnly From, DateOnly PreviousFrom, IReadOnlyList<SalesPoint> Current, IReadOnlyList<SalesPoint> Previous);
