namespace CartStream.Web.Operations;

/// <summary>One line of an ECS JSON log file.</summary>
/// <param name="At">Its <c>@timestamp</c>.</param>
/// <param name="Level">Its <c>log.level</c> (<c>warn</c>, <c>error</c>, <c>critical</c>, ...).</param>
/// <param name="Service">Its <c>service.name</c>.</param>
/// <param name="Logger">Its <c>log.logger</c>.</param>
/// <param name="Message">Its <c>message</c>.</param>
/// <param name="Action">Its <c>event.action</c> (the log method's name), when present.</param>
/// <param name="Error">Its <c>error.type</c> and <c>error.message</c>, when an exception was logged.</param>
public sealed record LogEntry(DateTimeOffset At, string Level, string Service, string Logger, string Message, string? Action, string? Error);
