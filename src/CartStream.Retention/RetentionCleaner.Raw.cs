using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform;

namespace CartStream.Retention;

/// <summary>Raw and dead-letter files under <c>topics/</c>.</summary>
public sealed partial class RetentionCleaner
{
    private async Task PlanRawAsync(DateTimeOffset now, List<LedgerEntry> entries, Dictionary<KeepReason, int> kept, CancellationToken cancellationToken)
    {
        var finished = await TransformProgress.FinishedFilesAsync(_store, cancellationToken);
        var maxAge = TimeSpan.FromDays(_options.RawMaxAgeDays);
        var candidates = new List<(ObjectInfo File, RawFileId Id, string Reason)>();
        var deadLetterFiles = new List<ObjectInfo>();
        await foreach (var file in _store.ListAsync(LakeLayout.TopicsArea, cancellationToken))
        {
            if (!LakeLayout.TryParseRawFileKey(file.Key, out var id))
            {
                Keep(kept, KeepReason.Unrecognised);
                continue;
            }

            if (id.IsDeadLetter)
            {
                deadLetterFiles.Add(file);
            }

            var age = RetentionAge.Of(file, now);
            if (!finished.Contains(file.Key))
            {
                Keep(kept, KeepReason.NotTransformed);
            }
            else if (age < maxAge)
            {
                Keep(kept, KeepReason.TooYoung);
            }
            else
            {
                candidates.Add((file, id, "transformed; " + RetentionAge.Describe(age, _options.RawMaxAgeDays)));
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // A raw file's offsets are its start to end offset less its batch's dead letters, whether their file is
        // still here or already deleted (then the ledger has them).
        var deadLetters = new Dictionary<(string Topic, int Partition), HashSet<long>>();
        void AddDeadLetter(string topic, int partition, long offset) =>
            (deadLetters.TryGetValue((topic, partition), out var set) ? set : deadLetters[(topic, partition)] = []).Add(offset);
        foreach (var entry in await RetentionLedger.ReadAsync(_store, cancellationToken))
        {
            if (entry.Area == LakeArea.DeadLetter)
            {
                foreach (var range in entry.Ranges)
                {
                    for (var offset = range.First; offset <= range.Last; offset++)
                    {
                        AddDeadLetter(range.Topic, range.Partition, offset);
                    }
                }
            }
        }

        var deadLetterAddresses = new Dictionary<string, List<(int Partition, long Offset)>?>(StringComparer.Ordinal);
        foreach (var file in deadLetterFiles)
        {
            LakeLayout.TryParseRawFileKey(file.Key, out var id);
            var addresses = await TryReadAsync(file.Key, content => RawFileRecords.DeadLetterAddresses(content, file.Key), cancellationToken);
            deadLetterAddresses[file.Key] = addresses;
            foreach (var (partition, offset) in addresses ?? [])
            {
                AddDeadLetter(id.SourceTopic, partition, offset);
            }
        }

        foreach (var (file, id, reason) in candidates)
        {
            if (id.IsDeadLetter)
            {
                if (deadLetterAddresses.GetValueOrDefault(file.Key) is not { } addresses)
                {
                    Keep(kept, KeepReason.Unaccountable, file.Key, "the dead-letter file cannot be read");
                    continue;
                }

                var ranges = OffsetRange.Compress(addresses.Select(a => (id.SourceTopic, a.Partition, a.Offset)));
                entries.Add(new LedgerEntry(file.Key, LakeArea.DeadLetter, file.Size, addresses.Count, reason, now, ranges));
                continue;
            }

            long records = 0;
            var offsets = await TryReadAsync(
                file.Key,
                content => RawFileRecords.RawOffsets(content, file.Key, id, deadLetters.GetValueOrDefault((id.SourceTopic, id.Partition)), out records),
                cancellationToken);
            if (offsets is null)
            {
                Keep(kept, KeepReason.Unaccountable, file.Key, "the raw file cannot be read, or its offset range less dead letters does not match its record count");
                continue;
            }

            entries.Add(new LedgerEntry(
                file.Key, LakeArea.Raw, file.Size, records, reason, now,
                OffsetRange.Compress(offsets.Select(o => (id.SourceTopic, id.Partition, o)))));
        }
    }

    /// <summary>Reads a file and parses it; null when it is gone or cannot be parsed.</summary>
    private async Task<T?> TryReadAsync<T>(string key, Func<byte[], T?> parse, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return parse(await _store.ReadAllBytesAsync(key, cancellationToken));
        }
        catch (ObjectStoreException e) when (e.IsNotFound)
        {
            return null;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }
}
