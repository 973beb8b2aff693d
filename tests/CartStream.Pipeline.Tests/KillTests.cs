using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

public sealed class KillTests
{
    /// <summary>
    /// The whole pipeline is one process: SIGKILL it at random moments (the producer mid-stream, the sink
    /// mid-file, the transform mid-batch), start it again each time, and nothing may be lost or doubled.
    /// </summary>
    [Fact]
    public async Task Run_killed_with_sigkill_at_random_moments_and_restarted_loses_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-kill");
        // scripts/pipeline-kill-test.sh raises these to 1M events and 10 kills.
        var events = int.Parse(Environment.GetEnvironmentVariable("CARTSTREAM_PIPELINE_KILL_EVENTS") ?? "50000", System.Globalization.CultureInfo.InvariantCulture);
        var kills = int.Parse(Environment.GetEnvironmentVariable("CARTSTREAM_PIPELINE_KILLS") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(20261128);
        // Each run resumes where the last one was killed: spread the kills over roughly the time the whole run
        // needs here (about 15k events/s), after the second or two of start-up (broker, registry, topic).
        var window = Math.Max(1000, events / 15 / kills);
        for (var kill = 0; kill < kills; kill++)
        {
            using var run = Cli.Start(PipelineCli.RunArguments(data.Path, events));
            await Task.Delay(TimeSpan.FromMilliseconds(2500 + random.Next(window)), ct);
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
