using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Alerts;

/// <summary>
/// Reads the process's <c>CartStream.*</c> instruments every <see cref="AlertingOptions.EvaluationInterval"/>,
/// evaluates the rules, and hands every firing and resolution to each notifier. A notifier that fails (SMTP
/// down) is logged and does not stop the others or the next evaluation.
/// </summary>
public sealed class AlertMonitor : BackgroundService
{
    private readonly AlertingOptions _options;
    private readonly IReadOnlyList<IAlertNotifier> _notifiers;
    private readonly ILogger _logger;
    private readonly InstrumentReader _reader;
    private readonly AlertRuleEvaluator _evaluator;
    private readonly TimeProvider _time;

    /// <summary>A monitor of this process (<paramref name="serviceName"/>, for example <c>cartstream-sink</c>).</summary>
    public AlertMonitor(AlertingOptions options, IEnumerable<IAlertNotifier> notifiers, ILogger<AlertMonitor> logger, string serviceName, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _notifiers = [.. notifiers];
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _reader = new InstrumentReader(options.MeterPrefix, _time);
        _evaluator = new AlertRuleEvaluator(options.EffectiveRules(), serviceName);
    }

    /// <summary>The rules firing now.</summary>
    public IEnumerable<string> Firing => _evaluator.Firing;

    /// <inheritdoc />
    public override void Dispose()
    {
        _reader.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        Log.MonitorStarted(_logger, _options.EffectiveRules().Count, _options.EvaluationInterval);
        using var timer = new PeriodicTimer(_options.EvaluationInterval, _time);
        do
        {
            foreach (var notification in _evaluator.Evaluate(_reader.Snapshot()))
            {
                foreach (var notifier in _notifiers)
                {
                    try
                    {
                        await notifier.NotifyAsync(notification, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        Log.NotifyFailed(_logger, notification.Rule.Name, notifier.GetType().Name, e.Message);
                    }
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
