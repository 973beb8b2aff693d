using CartStream.Lake.Storage;
using CartStream.Testing;

namespace CartStream.Retention.Tests;

/// <summary>Retention on a local folder.</summary>
public sealed class LocalRetentionTests : RetentionContract
{
    private readonly List<TempDirectory> _dirs = [];

    protected override IObjectStore CreateEmptyStore()
    {
        var dir = new TempDirectory("retention");
        _dirs.Add(dir);
        return new LocalObjectStore(dir.Path);
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (var dir in _dirs)
        {
            dir.Dispose();
        }
    }
}
