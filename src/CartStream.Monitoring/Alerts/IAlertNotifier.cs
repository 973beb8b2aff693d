namespace CartStream.Monitoring.Alerts;

/// <summary>Somewhere a firing or resolved alert is announced (the log, an email, a web page's feed).</summary>
public interface IAlertNotifier
{
    /// <summary>Announces <paramref name="notification"/>; a failure is logged by the caller and does not stop evaluation.</summary>
    Task NotifyAsync(AlertNotification notification, CancellationToken cancellationToken);
}
