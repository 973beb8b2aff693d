namespace CartStream.Events;

/// <summary>The buyer of a <see cref="SalesEvent"/>.</summary>
public sealed class Customer
{
    /// <summary>Stable customer id, e.g. <c>C0001234</c>.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Full name.</summary>
    public string? Name { get; set; }

    /// <summary>Contact email; the transform lower-cases and validates it.</summary>
    public string? Email { get; set; }

    /// <summary>consumer, small_business or corporate.</summary>
    public string? Segment { get; set; }

    /// <summary>Day the customer signed up.</summary>
    public DateOnly? SignupDate { get; set; }
}
