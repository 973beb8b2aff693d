using CartStream.Generator.Rate;
using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

public sealed class ProducerFailureTests
{
    [Fact]
    public async Task An_unreachable_broker_fails_with_an_error_naming_the_bootstrap_servers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("unreachable");
        var bootstrap = $"127.0.0.1:{FreePort.Next()}";
        var runner = Producing.Runner(bootstrap, "http://127.0.0.1:1", "unreachable", connectTimeoutSeconds: 3);

        var error = await Assert.ThrowsAsync<IngestionException>(() => runner.RunAsync(Producing.Run(folder, 10, GenerationRate.Max), ct));

        Assert.Contains(bootstrap, error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }
}
