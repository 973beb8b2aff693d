using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

public sealed class RunTests
{
    [Fact]
    public async Task Run_ends_when_every_event_is_one_fact_or_rejected_row_and_verify_agrees()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-run");

        var summary = await PipelineCli.RunAsync(data.Path, 3000, ct);

        Assert.Equal("complete", summary.GetProperty("outcome").GetString());
        Assert.Equal(3000, summary.GetProperty("topic_records").GetInt64());
        var transform = summary.GetProperty("transform");
        Assert.Equal(3000, transform.GetProperty("records").GetInt64());
        Assert.Equal(3000, transform.GetProperty("facts").GetInt64() + transform.GetProperty("rejected").GetInt64());
        Assert.True(transform.GetProperty("rejected").GetInt64() > 0, "the default dirty ratio makes rejects");
        Assert.Equal(3000, summary.GetProperty("load").GetProperty("warehouse_rows").GetInt64());
        Assert.True(File.Exists(Path.Combine(data.Path, "run-summary.json")));

        var verify = await PipelineCli.VerifyAsync(data.Path, ct);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Contains("in the warehouse once", verify.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_again_on_the_same_data_directory_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-rerun");
        var first = await PipelineCli.RunAsync(data.Path, 1000, ct);
        Assert.Equal(1000, first.GetProperty("produce").GetProperty("records").GetInt64());

        var again = await PipelineCli.RunAsync(data.Path, 1000, ct);

        Assert.Equal(1000, again.GetProperty("topic_records").GetInt64());
        Assert.Equal(0, again.GetProperty("produce").GetProperty("records").GetInt64());
        Assert.Equal(1000, again.GetProperty("produce").GetProperty("skipped").GetInt64());
        Assert.Equal(0, again.GetProperty("transform").GetProperty("records").GetInt64());
        Assert.Equal(0, (await PipelineCli.VerifyAsync(data.Path, ct)).ExitCode);
    }
}
