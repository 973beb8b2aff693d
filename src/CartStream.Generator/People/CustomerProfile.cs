using CartStream.Generator.Geo;

namespace CartStream.Generator.People;

/// <summary>A customer as the shop knows them: identity, home address and how often they have ordered so far.</summary>
internal sealed class CustomerProfile
{
    public required string CustomerId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public required string Segment { get; init; }

    public required DateOnly SignupDate { get; init; }

    public required ShippingPlace Home { get; init; }

    /// <summary>Orders placed so far in this run: zero means the next order is the customer's first.</summary>
    public int Orders { get; set; }
}
