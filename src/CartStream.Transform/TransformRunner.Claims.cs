using System.Text;
using System.Text.Json;
using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform.Batch;

namespace CartStream.Transform;

/// <summary>Claims on raw files, and the order files are processed in.</summary>
public sealed partial class TransformRunner
{
    private async Task<bool> TryClaimAsync(string rawKey, CancellationToken cancellationToken)
    {
        var claimKey = TransformState.ClaimKey(rawKey);
        var claim = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { worker = _options.WorkerId, claimed_at = _time.GetUtcNow().UtcDateTime }, Json));
        if (await _store.TryCreateAsync(claimKey, claim, cancellationToken))
        {
            // Another worker may have finished the file since it was listed: it writes the done marker before
            // releasing its claim, so a claim won now sees that marker.
            if (!await _store.ExistsAsync(TransformState.DoneKey(rawKey), cancellationToken))
            {
                return true;
            }

            await _store.DeleteAsync(claimKey, cancellationToken);
            return false;
        }

        var existing = await _store.GetInfoAsync(claimKey, cancellationToken);
        if (existing is null || (_time.GetUtcNow() - existing.LastModified < _options.ClaimLease && !await IsAbandonedAsync(claimKey, cancellationToken)))
        {
            Log.FileClaimedElsewhere(_logger, rawKey);
            return false;
        }

        // The holder outlived its lease or its process is gone (crashed): release its claim and race for the file
        // like any other worker.
        Log.ClaimTakenOver(_logger, rawKey, Encoding.UTF8.GetString(await _store.ReadAllBytesAsync(claimKey, cancellationToken)));
        await _store.DeleteAsync(claimKey, cancellationToken);
        return await _store.TryCreateAsync(claimKey, claim, cancellationToken)
            && !await _store.ExistsAsync(TransformState.DoneKey(rawKey), cancellationToken);
    }

    /// <summary>True when the claim at <paramref name="claimKey"/> is held by a process of this machine that has ended.</summary>
    private async Task<bool> IsAbandonedAsync(string claimKey, CancellationToken cancellationToken)
    {
        try
        {
            return WorkerLiveness.IsAbandoned(await _store.ReadAllBytesAsync(claimKey, cancellationToken));
        }
        catch (ObjectStoreException e) when (e.IsNotFound)
        {
            // Released meanwhile: nothing is abandoned.
            return false;
        }
    }

    private static int CompareRawKeys(string a, string b)
    {
        if (LakeLayout.TryParseRawFileKey(a, out var x) && LakeLayout.TryParseRawFileKey(b, out var y))
        {
            var c = string.CompareOrdinal(x.Topic, y.Topic);
            if (c == 0)
            {
                c = x.Partition.CompareTo(y.Partition);
            }

            if (c == 0)
            {
                c = x.StartOffset.CompareTo(y.StartOffset);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return string.CompareOrdinal(a, b);
    }
}
