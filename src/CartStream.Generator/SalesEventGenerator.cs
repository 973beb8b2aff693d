using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Generator.Catalog;
using CartStream.Generator.Defects;
using CartStream.Generator.Geo;
using CartStream.Generator.Orders;
using CartStream.Generator.People;
using CartStream.Generator.Sampling;
using CartStream.Generator.Time;

namespace CartStream.Generator;

/// <summary>
/// An endless stream of sales event lines from a seed: orders of several lines from returning customers buying
/// popular products, shipped to real cities, with a configured share of dirty records that carry exactly the
/// defects they are labelled with. Not thread-safe: one generator per producing thread.
/// </summary>
public sealed partial class SalesEventGenerator
{
    private static readonly string[][] SingleDefect = DefectCode.All.Select(code => new[] { code }).ToArray();

    private readonly DeterministicRandom _random;
    private readonly ReferenceData _reference;
    private readonly ProductCatalog _catalog;
    private readonly Geography _geography;
    private readonly CustomerPool _customers;
    private readonly EventClock _clock;
    private readonly DefectSchedule _schedule;
    private readonly DefectInjector _injector;
    private readonly DuplicateReservoir _reservoir = new();
    private readonly DateTime _futureAnchor;
    private readonly string[] _currencyCodes;
    private readonly int _usd;
    private readonly int _eur;
    private readonly string _orderPrefix;
    private readonly OpenOrder _order = new();
    private long _sequence;
    private long _orders;

    /// <summary>Builds the catalog and the customer population from the options' seed.</summary>
    public SalesEventGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seed = unchecked((ulong)options.Seed);
        _random = new DeterministicRandom(seed);
        _reference = options.Reference;
        _currencyCodes = _reference.Currencies.Select(c => c.Code).ToArray();
        _usd = Array.IndexOf(_currencyCodes, ReferenceData.ReportingCurrency);
        _eur = Array.IndexOf(_currencyCodes, "EUR");
        _geography = new Geography(_reference);
        _catalog = new ProductCatalog(DeterministicRandom.Derive(seed, 1), options.ProductCount, _reference.Currencies, options.ProductPopularityExponent);
        _clock = options.SimulatedStartUtc is { } start
            ? EventClock.Simulated(start.ToUniversalTime(), options.SimulatedEventsPerDay / OrderProfile.MeanLines)
            : EventClock.Wall(options.TimeProvider);
        _customers = new CustomerPool(seed, DeterministicRandom.Derive(seed, 2), options.CustomerCount, options.CustomerActivityExponent, _geography, _clock.Current);
        _schedule = new DefectSchedule(options.DirtyRatio, options.AllowNotAvro);
        _injector = new DefectInjector(_reference);
        _futureAnchor = options.FutureAnchorUtc?.ToUniversalTime()
            ?? options.TimeProvider.GetUtcNow().UtcDateTime.Date.AddDays(1);
        _orderPrefix = $"ORD-{(uint)(seed ^ (seed >> 32)) % 0x10000:X4}-";
        _order.Emitted = _order.Lines;
    }

    /// <summary>Records generated so far: the sequence number of the next one.</summary>
    public long Generated => _sequence;

    /// <summary>The defect kinds this generator injects, each with an equal share of the dirty records.</summary>
    public IReadOnlyList<string> DefectKinds => _schedule.Kinds;

    /// <summary>The next record, in a new instance the caller may keep.</summary>
    public GeneratedRecord Next()
    {
        var record = new GeneratedRecord();
        Next(record);
        return record;
    }

    /// <summary>Overwrites <paramref name="record"/> with the next record: no allocation on clean lines of an open order.</summary>
    public void Next(GeneratedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Sequence = _sequence++;
        record.MarkClean();
        var defect = _schedule.Decide(_random);
        if (defect == DefectCode.DuplicateEvent)
        {
            if (_reservoir.TryTake(record.Event, _random))
            {
                record.Defects = Labelled(DefectCode.DuplicateEvent);
                return;
            }

            // Nothing emitted yet to repeat (the very first records): take the round's next kind instead.
            while (defect == DefectCode.DuplicateEvent)
            {
                defect = _schedule.NextKind(_random);
            }
        }

        FillNextLine(record.Event);
        if (defect is null)
        {
            _reservoir.Offer(record.Event, _random);
            return;
        }

        record.NotAvroPayload = _injector.Apply(defect, record.Event, _random, _futureAnchor);
        record.Defects = Labelled(defect);
    }

    // One shared array per code: labelling a dirty record allocates nothing.
    private static string[] Labelled(string code)
    {
        foreach (var defects in SingleDefect)
        {
            if (defects[0] == code)
            {
                return defects;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defect code.");
    }
}
