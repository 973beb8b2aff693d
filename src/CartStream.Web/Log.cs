namespace CartStream.Web;

/// <summary>The dashboards' log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "Refreshing the filter catalog failed; the previous one is kept: {Error}")]
    public static partial void CatalogRefreshFailed(ILogger logger, string error);
}
