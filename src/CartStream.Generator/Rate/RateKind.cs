namespace CartStream.Generator.Rate;

/// <summary>The shapes a <see cref="GenerationRate"/> can take.</summary>
public enum RateKind
{
    /// <summary>A batch of events at the start of every interval.</summary>
    Burst,

    /// <summary>An even flow of events per second.</summary>
    Steady,

    /// <summary>As fast as the producer can go.</summary>
    Max,
}
