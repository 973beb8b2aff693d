using System.Diagnostics.Metrics;
using System.Globalization;
using CartStream.Monitoring.Metrics;
using CartStream.Monitoring.Tests.Support;
using CartStream.Testing;

namespace CartStream.Monitoring.Tests;

/// <summary>The path an operator with Prometheus and Alertmanager takes: our /metrics, a rule, an email.</summary>
public sealed class PrometheusAlertTests
{
    [Fact]
    public async Task Prometheus_scraping_our_metrics_endpoint_alerts_through_Alertmanager_by_email()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..8];
        var alertName = $"SinkConsumerLagHigh_{id}";
        using var meter = new Meter($"CartStream.Tests.{id}");
        var lag = meter.CreateGauge<long>($"cartstream.test_{id}.consumer_lag", "{record}");
        await using var metrics = await MetricsServer.StartAsync("cartstream-test", port: 0, cancellationToken: ct);
        lag.Record(10);

        using var temp = new TempDirectory("prometheus");
        var (smtpHost, smtpPort) = SmtpTestServer.Address;
        var alertmanagerPort = FreePort.Next();
        var prometheusPort = FreePort.Next();
        await File.WriteAllTextAsync(temp.Combine("alertmanager.yml"), $$$"""
            global:
              smtp_smarthost: "{{{smtpHost}}}:{{{smtpPort}}}"
              smtp_from: "alertmanager@cartstream.test"
              smtp_require_tls: false
            route:
              receiver: ops
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: ops
                email_configs:
                  - to: "ops@cartstream.test"
                    send_resolved: true
                    headers:
                      Subject: '[CartStream] {{ .Status | toUpper }}: {{ .CommonLabels.alertname }} {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'
            """, ct);
        await File.WriteAllTextAsync(temp.Combine("rules.yml"), $$$"""
            groups:
              - name: test
                rules:
                  - alert: {{{alertName}}}
                    expr: sum by (job, instance) (cartstream_test_{{{id}}}_consumer_lag) > 1000
                    labels:
                      severity: warning
                    annotations:
                      summary: "lag {{ $value }} over 1000"
            """, ct);
        await File.WriteAllTextAsync(temp.Combine("prometheus.yml"), $$"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["rules.yml"]
            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ["127.0.0.1:{{alertmanagerPort}}"]
            scrape_configs:
              - job_name: cartstream-test
                static_configs:
                  - targets: ["{{metrics.Url.Authority}}"]
            """, ct);

        using var alertmanager = BackgroundProcess.Start("prometheus-alertmanager", [
            $"--config.file={temp.Combine("alertmanager.yml")}", $"--storage.path={temp.Combine("am")}",
            $"--web.listen-address=127.0.0.1:{alertmanagerPort}", "--cluster.listen-address=",
        ]);
        using var prometheus = BackgroundProcess.Start("prometheus", [
            $"--config.file={temp.Combine("prometheus.yml")}", $"--storage.tsdb.path={temp.Combine("tsdb")}",
            $"--web.listen-address=127.0.0.1:{prometheusPort}",
        ]);
        await alertmanager.WaitForPortAsync(alertmanagerPort, TimeSpan.FromSeconds(30), ct);
        await prometheus.WaitForPortAsync(prometheusPort, TimeSpan.FromSeconds(30), ct);

        lag.Record(1_500);
        var firing = await WaitForMailAsync(prometheus, alertmanager, ct, "FIRING", alertName);
        Assert.Contains("lag 1500 over 1000", firing.Subject, StringComparison.Ordinal);

        lag.Record(20);
        await WaitForMailAsync(prometheus, alertmanager, ct, "RESOLVED", alertName);
    }

    private static async Task<MimeKit.MimeMessage> WaitForMailAsync(BackgroundProcess prometheus, BackgroundProcess alertmanager, CancellationToken ct, params string[] subjectParts)
    {
        try
        {
            return await SmtpTestServer.WaitForMessageAsync(TimeSpan.FromSeconds(60), ct, subjectParts);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{e.Message}\nprometheus:\n{prometheus.Output}\nalertmanager:\n{alertmanager.Output}"), e);
        }
    }
}
