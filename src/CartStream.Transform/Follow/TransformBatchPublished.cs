using CartStream.Transform.Quality;

namespace CartStream.Transform.Follow;

/// <summary>
/// One transform batch published and checkpointed: what the warehouse loader is triggered by. Every key in
/// <see cref="OutputFiles"/> and the report at <see cref="QualityReportKey"/> exist when this is raised.
/// </summary>
/// <param name="QualityReportKey">The batch's quality report in the lake (<c>DWH/quality/part-&lt;id&gt;.json</c>), which lists its output files.</param>
/// <param name="OutputFiles">The Parquet parts the batch wrote, by key.</param>
/// <param name="Report">The quality report itself.</param>
public sealed record TransformBatchPublished(string QualityReportKey, IReadOnlyList<string> OutputFiles, QualityReport Report);
