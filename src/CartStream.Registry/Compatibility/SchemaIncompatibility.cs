namespace CartStream.Registry.Compatibility;

/// <summary>One reason a reader schema cannot read data written with a writer schema.</summary>
/// <param name="Kind">Which resolution rule is broken.</param>
/// <param name="Path">Where, as a dotted path from the reader's top-level type (<c>SalesEvent.customer.email</c>).</param>
/// <param name="Message">What is wrong, naming the field or type and why.</param>
public sealed record SchemaIncompatibility(IncompatibilityKind Kind, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
