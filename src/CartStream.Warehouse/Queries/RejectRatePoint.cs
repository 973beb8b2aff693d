namespace CartStream.Warehouse.Queries;

/// <summary>Facts and rejected rows of one day of the lake (the event's day, or the landing day of implausible times).</summary>
/// <param name="Day">The day.</param>
/// <param name="Facts">Rows loaded into fact_sales.</param>
/// <param name="Rejected">Rows loaded into rejected.</param>
/// <param name="Rate">Rejected / (facts + rejected).</param>
public sealed record RejectRatePoint(DateOnly Day, long Facts, long Rejected, double Rate);
