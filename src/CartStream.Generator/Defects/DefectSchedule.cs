using CartStream.Events;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Defects;

/// <summary>
/// Decides which records are dirty and with what. A record is dirty with the configured probability; the kind
/// comes from a shuffled round of every enabled kind, so each kind gets its exact share of the dirty records
/// instead of a share that wanders with chance.
/// </summary>
internal sealed class DefectSchedule
{
    private readonly double _ratio;
    private readonly string[] _round;
    private int _next;

    public DefectSchedule(double ratio, bool allowNotAvro)
    {
        _ratio = ratio;
        _round = DefectCode.All.Where(c => allowNotAvro || c != DefectCode.NotAvro).ToArray();
        _next = _round.Length;
    }

    /// <summary>The defect kinds this schedule hands out, each with an equal share.</summary>
    public IReadOnlyList<string> Kinds => _round;

    /// <summary>The defect for the next record, or null for a clean one.</summary>
    public string? Decide(DeterministicRandom random) => random.Chance(_ratio) ? NextKind(random) : null;

    /// <summary>The next kind of the round, reshuffling when a round is used up.</summary>
    public string NextKind(DeterministicRandom random)
    {
        if (_next == _round.Length)
        {
            random.Shuffle(_round.AsSpan());
            _next = 0;
        }

        return _round[_next++];
    }
}
