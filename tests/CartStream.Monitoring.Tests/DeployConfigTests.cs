using CartStream.Testing;

namespace CartStream.Monitoring.Tests;

/// <summary>The shipped deploy/ configs pass the Prometheus and Alertmanager tools' own checks.</summary>
public sealed class DeployConfigTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_shipped_Prometheus_rules_are_valid_and_pass_their_unit_tests()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = RepoPaths.Combine("deploy", "prometheus");

        var check = (await ExternalProcess.RunAsync("promtool", ["check", "rules", "cartstream-rules.yml"], Timeout, ct, folder)).EnsureSuccess("promtool check rules");
        var tests = (await ExternalProcess.RunAsync("promtool", ["test", "rules", "cartstream-rules.test.yml"], Timeout, ct, folder)).EnsureSuccess("promtool test rules");

        Assert.Contains("SUCCESS: 8 rules found", check.StandardOutput + check.StandardError, StringComparison.Ordinal);
        Assert.Contains("SUCCESS", tests.StandardOutput + tests.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_Prometheus_and_Alertmanager_configs_are_valid()
    {
        var ct = TestContext.Current.CancellationToken;

        (await ExternalProcess.RunAsync("promtool", ["check", "config", "prometheus.yml"], Timeout, ct, RepoPaths.Combine("deploy", "prometheus"))).EnsureSuccess("promtool check config");
        var alertmanager = (await ExternalProcess.RunAsync("amtool", ["check-config", "alertmanager.yml"], Timeout, ct, RepoPaths.Combine("deploy", "alertmanager"))).EnsureSuccess("amtool check-config");

        Assert.Contains("1 receivers", alertmanager.StandardOutput, StringComparison.Ordinal);
    }
}
