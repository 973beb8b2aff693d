using System.ComponentModel.DataAnnotations;
using CartStream.Events.Reference;

namespace CartStream.Generator;

/// <summary>The knobs of <see cref="SalesEventGenerator"/>. Same options and seed: same events, byte for byte.</summary>
public sealed class GeneratorOptions
{
    /// <summary>Configuration section the Kafka producer binds these from.</summary>
    public const string SectionName = "Generator";

    /// <summary>Seed of every random choice.</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Share of records that carry a defect, 0 to 1, split evenly over the enabled defect kinds.</summary>
    [Range(0.0, 1.0)]
    public double DirtyRatio { get; set; } = 0.02;

    /// <summary>
    /// Start of the simulated clock (UTC). Null: events carry the wall-clock time they are generated at (rate-limited
    /// runs). Set: event times follow a simulated clock that starts here and advances with
    /// <see cref="SimulatedEventsPerDay"/>, with hour-of-day and day-of-week seasonality (runs at max rate).
    /// </summary>
    public DateTime? SimulatedStartUtc { get; set; }

    /// <summary>Average events per simulated day: 1,000,000 events at the default cover ten days.</summary>
    [Range(1, int.MaxValue)]
    public int SimulatedEventsPerDay { get; set; } = 100_000;

    /// <summary>
    /// Wall-clock time future-dated defects are measured from when the clock is simulated (a simulated time in the
    /// past plus a few days is not the future). Null: the start of the next UTC day at construction, so runs on the
    /// same day give the same bytes.
    /// </summary>
    public DateTime? FutureAnchorUtc { get; set; }

    /// <summary>Products in the catalog.</summary>
    [Range(10, 1_000_000)]
    public int ProductCount { get; set; } = 2_000;

    /// <summary>Customers who may order (each appears when they first order).</summary>
    [Range(10, 100_000_000)]
    public int CustomerCount { get; set; } = 50_000;

    /// <summary>Zipf exponent of product popularity: higher concentrates sales on fewer best sellers.</summary>
    [Range(0.0, 5.0)]
    public double ProductPopularityExponent { get; set; } = 1.0;

    /// <summary>Zipf exponent of customer activity: higher means more orders from a few loyal customers.</summary>
    [Range(0.0, 5.0)]
    public double CustomerActivityExponent { get; set; } = 0.9;

    /// <summary>
    /// Whether messages that are not Avro at all may be produced (<see cref="Events.DefectCode.NotAvro"/>): only when
    /// the target is Kafka, never for an Avro container file.
    /// </summary>
    public bool AllowNotAvro { get; set; }

    /// <summary>Clock for wall-clock event times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Countries, cities and currencies to draw from.</summary>
    public ReferenceData Reference { get; set; } = ReferenceData.Default;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (SimulatedStartUtc is { } start && start.ToUniversalTime() < ReferenceData.ShopOpenedUtc)
        {
            throw new ArgumentException(
                $"{nameof(SimulatedStartUtc)} {start:O} is before the shop opened ({ReferenceData.ShopOpenedUtc:yyyy-MM-dd}): every event would look stale.");
        }
    }
}
