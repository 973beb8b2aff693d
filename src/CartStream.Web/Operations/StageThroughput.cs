namespace CartStream.Web.Operations;

/// <summary>Records per second through one stage, from its <c>cartstream.&lt;stage&gt;.records</c> counter.</summary>
/// <param name="Stage">The stage (<c>sink</c>, <c>transform</c>, ...).</param>
/// <param name="Metric">The counter read.</param>
/// <param name="Total">Its running total in this process.</param>
/// <param name="PerSecond">Its rate over the last <see cref="OpsSampler.RateWindow"/>, or null before two samples.</param>
/// <param name="History">Its rate at each sample of the kept history, oldest first.</param>
public sealed record StageThroughput(string Stage, string Metric, double Total, double? PerSecond, IReadOnlyList<double> History);
