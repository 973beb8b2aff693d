using System.Diagnostics.Metrics;
using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Monitoring.Tests;

public sealed class AlertEmailTests
{
    [Fact]
    public async Task A_metric_crossing_its_threshold_sends_a_firing_email_and_going_back_sends_a_resolved_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..8];
        var ruleName = $"ConsumerLagHigh_{id}";
        var metric = $"cartstream.test_{id}.consumer_lag";
        using var meter = new Meter($"CartStream.Tests.{id}");
        var lag = meter.CreateGauge<long>(metric, "{record}");
        lag.Record(10);

        var (host, port) = SmtpTestServer.Address;
        var smtp = new SmtpOptions { Host = host, Port = port, Security = SecureSocketOptions.None, From = "alerts@cartstream.test" };
        smtp.To.Add("ops@cartstream.test");
        var alerting = new AlertingOptions { EvaluationInterval = TimeSpan.FromMilliseconds(200), UseDefaultRules = false };
        alerting.Rules.Add(new AlertRule { Name = ruleName, Metric = metric, Threshold = 1_000, Severity = "critical" });
        using var monitor = new AlertMonitor(
            alerting,
            [new LogAlertNotifier(NullLogger<LogAlertNotifier>.Instance), new EmailAlertNotifier(smtp, NullLogger<EmailAlertNotifier>.Instance)],
            NullLogger<AlertMonitor>.Instance,
            "cartstream-test");
        await monitor.StartAsync(ct);
        try
        {
            lag.Record(1_500);
            var firing = await SmtpTestServer.WaitForMessageAsync(TimeSpan.FromSeconds(10), ct, "FIRING", ruleName);
            Assert.Contains("= 1500", firing.Subject, StringComparison.Ordinal);
            Assert.Contains("> 1000", firing.Subject, StringComparison.Ordinal);
            Assert.Contains("critical", firing.Subject, StringComparison.Ordinal);
            Assert.Contains("ops@cartstream.test", firing.To.ToString(), StringComparison.Ordinal);
            Assert.Contains("Threshold: 1000", firing.TextBody, StringComparison.Ordinal);

            lag.Record(20);
            var resolved = await SmtpTestServer.WaitForMessageAsync(TimeSpan.FromSeconds(10), ct, "RESOLVED", ruleName);
            Assert.Contains("= 20", resolved.Subject, StringComparison.Ordinal);
        }
        finally
        {
            await monitor.StopAsync(CancellationToken.None);
        }
    }
}
