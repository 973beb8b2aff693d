namespace CartStream.Web.Tests;

/// <summary>A filter as a user sets it: days inclusive, optional country, category, channel.</summary>
public sealed record Slice(DateOnly From, DateOnly To, string? Country = null, string? Category = null, string? Channel = null)
{
    /// <summary>The query string of the API and pages.</summary>
    public string Query =>
        $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}" +
        (Country is null ? "" : $"&country={Uri.EscapeDataString(Country)}") +
        (Category is null ? "" : $"&category={Uri.EscapeDataString(Category)}") +
        (Channel is null ? "" : $"&channel={Uri.EscapeDataString(Channel)}");
}
