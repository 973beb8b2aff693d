namespace CartStream.Monitoring.Alerts;

/// <summary>Announces alerts in the process's log (event ids 9001 firing, 9002 resolved), which Filebeat ships.</summary>
public sealed class LogAlertNotifier(ILogger<LogAlertNotifier> logger) : IAlertNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var rule = notification.Rule;
        var comparison = AlertRule.Symbol(rule.Comparison);
        if (notification.State == AlertState.Firing)
        {
            Log.AlertFiring(logger, rule.Name, rule.Severity, rule.Metric, notification.FormattedValue, comparison, rule.Threshold);
        }
        else
        {
            Log.AlertResolved(logger, rule.Name, rule.Metric, notification.FormattedValue, comparison, rule.Threshold);
        }

        return Task.CompletedTask;
    }
}
