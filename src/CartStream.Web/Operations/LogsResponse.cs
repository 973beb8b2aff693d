namespace CartStream.Web.Operations;

/// <summary>Recent log entries and the services that have log files.</summary>
/// <param name="Services">Every service with a file under the log folder (for the filter).</param>
/// <param name="Entries">Newest first.</param>
public sealed record LogsResponse(IReadOnlyList<string> Services, IReadOnlyList<LogEntry> Entries);
