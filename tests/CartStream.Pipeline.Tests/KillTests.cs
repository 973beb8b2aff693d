using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

public sealed class KillTests
{
    /// <summary>
    /// The whole pipeline is one process: SIGKILL it at random moments (the producer mid-stream, the sink
    /// mid-file, the transform mid-batch), start it again each time, and nothing may be lost or doubled.
    /// </summary>
    [Fact]
    public async Task Run_killed_with_sigkill_three_times_and_restarted_loses_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-kill");
        const int events = 50_000;
        var random = new Random(20261128);
        for (var kill = 0; kill < 3; kill++)
        {
            using var run = Cli.Start(PipelineCli.RunArguments(data.Path, events));
            // Start-up (broker, registry, topic) takes a second or two; the kill lands somewhere after it.
            await Task.Delay(TimeSpan.FromMilliseconds(2500 + random.Next(4000)), ct);
            Assert.False(run.HasExited, "the run finished before it could be killed: raise the event count");
            run.Kill();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30), ct);
        }

        var summary = await PipelineCli.RunAsync(data.Path, events, ct);

        Assert.Equal(events, summary.GetProperty("topic_records").GetInt64());
        var verify = await PipelineCli.VerifyAsync(data.Path, ct);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
    }
}
