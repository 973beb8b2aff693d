using System.Globalization;
using System.Text.RegularExpressions;
using CartStream.Monitoring.Alerts;
using CartStream.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartStream.Monitoring.Tests;

public sealed partial class AlertConfigurationTests
{
    [Fact]
    public void A_configured_rule_replaces_the_default_of_the_same_name_and_smtp_recipients_bind()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Monitoring:Alerts:Rules:0:Name"] = "SinkConsumerLagHigh",
            ["Monitoring:Alerts:Rules:0:Metric"] = "cartstream.sink.consumer_lag",
            ["Monitoring:Alerts:Rules:0:Threshold"] = "500000",
            ["Monitoring:Alerts:Rules:0:For"] = "00:05:00",
            ["Monitoring:Smtp:Host"] = "smtp.example.com",
            ["Monitoring:Smtp:To:0"] = "ops@example.com",
        });

        var rules = provider.GetRequiredService<IOptions<AlertingOptions>>().Value.EffectiveRules();
        var lag = Assert.Single(rules, r => r.Name == "SinkConsumerLagHigh");
        Assert.Equal(500_000, lag.Threshold);
        Assert.Equal(TimeSpan.FromMinutes(5), lag.For);
        Assert.Equal(DefaultAlertRules.Create().Count, rules.Count);
        Assert.True(provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void A_ratio_rule_without_a_denominator_fails_at_start_naming_its_key()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Monitoring:Alerts:Rules:0:Name"] = "Broken",
            ["Monitoring:Alerts:Rules:0:Metric"] = "cartstream.transform.rejected",
            ["Monitoring:Alerts:Rules:0:Aggregation"] = "Ratio",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlertingOptions>>().Value);
        Assert.Contains("Monitoring:Alerts:Rules:0 (Broken)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Denominator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_built_in_rule_has_a_Prometheus_twin_with_the_same_threshold_duration_and_severity()
    {
        var yaml = File.ReadAllText(RepoPaths.Combine("deploy", "prometheus", "cartstream-rules.yml"));
        foreach (var rule in DefaultAlertRules.Create())
        {
            // The rule's block: from its "- alert:" line to the next one.
            var body = yaml.Split("- alert: ").SingleOrDefault(block => block.StartsWith(rule.Name + "\n", StringComparison.Ordinal));
            Assert.True(body is not null, $"{rule.Name} is not in cartstream-rules.yml");
            var threshold = rule.Threshold.ToString(CultureInfo.InvariantCulture);
            Assert.Matches($@"expr:[\s\S]*{Regex.Escape(AlertRule.Symbol(rule.Comparison))} {Regex.Escape(threshold)}\s", body);
            Assert.Contains($"severity: {rule.Severity}", body, StringComparison.Ordinal);
            if (rule.For > TimeSpan.Zero)
            {
                Assert.Contains($"for: {(int)rule.For.TotalMinutes}m", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("for:", body, StringComparison.Ordinal);
            }
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCartStreamAlerting("cartstream-test");
        return services.BuildServiceProvider();
    }
}
