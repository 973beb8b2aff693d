using CartStream.Transform.Dedup;

namespace CartStream.Transform.Tests;

public sealed class DedupIndexTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_copy_finds_itself_again_and_only_later_copies_are_duplicates()
    {
        var index = new DedupIndex();
        var id = Guid.NewGuid();

        Assert.False(index.IsDuplicate(id, "f1", 5, T0));
        Assert.False(index.IsDuplicate(id, "f1", 5, T0));
        Assert.True(index.IsDuplicate(id, "f1", 9, T0));
        Assert.True(index.IsDuplicate(id, "f2", 5, T0));
    }

    [Fact]
    public void The_index_survives_a_round_trip_through_its_file()
    {
        var index = new DedupIndex();
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            index.IsDuplicate(ids[i], $"file{i % 3}", i, T0.AddMinutes(i));
        }

        using var buffer = new MemoryStream();
        index.WriteTo(buffer);
        buffer.Position = 0;
        var read = DedupIndex.ReadFrom(buffer);

        Assert.Equal(100, read.Count);
        Assert.Equal(("file2", 50L), read.FirstSeen(ids[50]));
        Assert.False(read.IsDuplicate(ids[50], "file2", 50, T0));
        Assert.True(read.IsDuplicate(ids[50], "file9", 0, T0));
    }

    [Fact]
    public void Compaction_keeps_at_most_the_capacity_and_nothing_beyond_the_horizon()
    {
        var index = new DedupIndex();
        var ids = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            index.IsDuplicate(ids[i], "f", i, T0.AddHours(i));
        }

        // A future-dated event must not drag the horizon forward.
        index.IsDuplicate(Guid.NewGuid(), "f", 1000, T0.AddYears(5));

        index.Compact(capacity: 100, horizon: TimeSpan.FromDays(2), nowUtc: T0.AddHours(1000));

        // Ids 951..999 (within two days of the newest plausible event) and the future-dated one itself.
        Assert.Equal(50, index.Count);
        Assert.NotNull(index.FirstSeen(ids[999]));
        Assert.NotNull(index.FirstSeen(ids[951]));
        Assert.Null(index.FirstSeen(ids[950]));

        index.Compact(capacity: 10, horizon: TimeSpan.FromDays(30), nowUtc: T0.AddHours(1000));
        Assert.Equal(10, index.Count);
    }
}
