namespace CartStream.Ingestion.Tests;

public sealed class ResumePointTests
{
    [Fact]
    public void An_event_is_skipped_only_when_its_own_partition_already_holds_its_sequence()
    {
        // Partition 0 got up to 100 before the crash; partition 1 lost its last batch and holds only up to 97.
        var resume = new ResumePoint([100, 97]);

        Assert.True(resume.AlreadySent(0, 99));
        Assert.True(resume.AlreadySent(1, 97));
        Assert.False(resume.AlreadySent(1, 99));
        Assert.False(resume.AlreadySent(0, 101));
        Assert.Equal(100, resume.HighestSequence);
    }

    [Fact]
    public void An_empty_topic_skips_nothing()
    {
        var resume = ResumePoint.Empty(3);

        Assert.False(resume.AlreadySent(2, 0));
        Assert.Equal(-1, resume.HighestSequence);
    }
}
