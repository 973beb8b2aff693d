using CartStream.Monitoring.Alerts;
using Microsoft.Extensions.Options;

namespace CartStream.Monitoring;

/// <summary>Registers the in-process alerting of a CartStream host.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds the alert monitor as a hosted service with the rules of <c>Monitoring:Alerts</c>, a log notifier, and
    /// an email notifier when <c>Monitoring:Smtp</c> names a host and recipients. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddCartStreamAlerting(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddOptions<AlertingOptions>().BindConfiguration(AlertingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAlertNotifier, LogAlertNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => new EmailAlertNotifier(sp.GetRequiredService<IOptions<SmtpOptions>>().Value, sp.GetRequiredService<ILogger<EmailAlertNotifier>>()));
        services.AddSingleton(sp => new AlertMonitor(
            sp.GetRequiredService<IOptions<AlertingOptions>>().Value,
            sp.GetServices<IAlertNotifier>(),
            sp.GetRequiredService<ILogger<AlertMonitor>>(),
            serviceName,
            sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return services;
    }
}
