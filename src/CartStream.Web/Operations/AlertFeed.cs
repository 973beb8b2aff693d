using CartStream.Monitoring.Alerts;

namespace CartStream.Web.Operations;

/// <summary>
/// A notifier of the alert monitor that keeps the latest announcements for the operations page, and so knows
/// which rules fire now even when the monitor itself belongs to the hosting pipeline.
/// </summary>
public sealed class AlertFeed : IAlertNotifier
{
    /// <summary>How many announcements are kept.</summary>
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly LinkedList<AlertEvent> _events = new();
    private readonly Dictionary<string, AlertEvent> _firing = new(StringComparer.Ordinal);

    /// <summary>The announcements, newest first.</summary>
    public IReadOnlyList<AlertEvent> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The rules firing now, with the announcement that started each.</summary>
    public IReadOnlyList<AlertEvent> Firing
    {
        get
        {
            lock (_lock)
            {
                return [.. _firing.Values.OrderByDescending(e => e.At)];
            }
        }
    }

    /// <inheritdoc />
    public Task NotifyAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var entry = new AlertEvent(notification.At, notification.Rule.Name, notification.Rule.Severity, notification.State.ToString(), notification.FormattedValue, notification.Title);
        lock (_lock)
        {
            _events.AddFirst(entry);
            while (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }

            if (notification.State == AlertState.Firing)
            {
                _firing[entry.Rule] = entry;
            }
            else
            {
                _firing.Remove(entry.Rule);
            }
        }

        return Task.CompletedTask;
    }
}
