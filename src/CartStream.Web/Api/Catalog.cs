namespace CartStream.Web.Api;

/// <summary>What the filters can take: the values present in the warehouse and the days it holds.</summary>
/// <param name="Countries">ISO country codes, sorted.</param>
/// <param name="Categories">Product categories, sorted.</param>
/// <param name="Channels">Sales channels, sorted.</param>
/// <param name="FirstDay">The oldest day with sales, or null when the warehouse is empty.</param>
/// <param name="LastDay">The newest day with sales, or null when the warehouse is empty.</param>
public sealed record Catalog(IReadOnlyList<string> Countries, IReadOnlyList<string> Categories, IReadOnlyList<string> Channels, DateOnly? FirstDay, DateOnly? LastDay)
{
    /// <summary>The first day a filter may name.</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    /// <summary>The first day a filter may no longer name.</summary>
    public static readonly DateOnly End = new(2100, 1, 1);
}
