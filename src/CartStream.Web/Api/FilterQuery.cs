namespace CartStream.Web.Api;

/// <summary>
/// The filters every endpoint takes from the query string, as text: parsed and checked by
/// <see cref="FilterValidation"/> so a bad value gets a ProblemDetails naming the parameter, not a bare 400.
/// </summary>
/// <param name="From">First day included, <c>yyyy-MM-dd</c> (default: six days before <paramref name="To"/>).</param>
/// <param name="To">Last day included, <c>yyyy-MM-dd</c> (default: the newest day in the warehouse).</param>
/// <param name="Country">ISO country code, or empty for all.</param>
/// <param name="Category">Product category, or empty for all.</param>
/// <param name="Channel">Sales channel, or empty for all.</param>
public sealed record FilterQuery(string? From, string? To, string? Country, string? Category, string? Channel);
