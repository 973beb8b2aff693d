namespace CartStream.Registry.Compatibility;

/// <summary>
/// The compatibility levels of the Confluent Schema Registry: which earlier versions of a subject a new schema is
/// checked against, and in which direction.
/// </summary>
public enum CompatibilityLevel
{
    /// <summary>No check: any valid schema registers.</summary>
    None,

    /// <summary>The new schema can read data written with the latest version (the default).</summary>
    Backward,

    /// <summary>The new schema can read data written with every earlier version.</summary>
    BackwardTransitive,

    /// <summary>The latest version can read data written with the new schema.</summary>
    Forward,

    /// <summary>Every earlier version can read data written with the new schema.</summary>
    ForwardTransitive,

    /// <summary>Both <see cref="Backward"/> and <see cref="Forward"/> against the latest version.</summary>
    Full,

    /// <summary>Both <see cref="BackwardTransitive"/> and <see cref="ForwardTransitive"/>.</summary>
    FullTransitive,
}
