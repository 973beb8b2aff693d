using System.Globalization;
using CartStream.Warehouse.Queries;

namespace CartStream.Web.Api;

/// <summary>Turns the query string's filters into a <see cref="QueryFilter"/>, or into messages naming each bad parameter.</summary>
public static class FilterValidation
{
    /// <summary>The longest range accepted, so one request cannot ask for centuries of hourly buckets.</summary>
    public const int MaxDays = 3_660;

    /// <summary>The default range when <c>from</c> is not given: seven days ending at <c>to</c>.</summary>
    public const int DefaultDays = 7;

    /// <summary>
    /// Checks <paramref name="query"/> against the <paramref name="catalog"/>: dates must parse and be in order,
    /// country, category and channel must be values the warehouse holds (matched ignoring case). Returns the
    /// filter (with <c>To</c> exclusive, as the query layer takes it), or null and the errors.
    /// </summary>
    public static QueryFilter? TryResolve(FilterQuery query, Catalog catalog, DateOnly today, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        errors = [];
        var to = ParseDay(query.To, "to", errors) ?? catalog.LastDay ?? today;
        var from = ParseDay(query.From, "from", errors) ?? to.AddDays(1 - DefaultDays);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (from > to)
            {
                errors["from"] = [$"The date range is invalid: from ({Day(from)}) is after to ({Day(to)})."];
            }
            else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [$"The date range is invalid: {to.DayNumber - from.DayNumber + 1} days is more than {MaxDays}."];
            }
            else if (from < Catalog.Beginning || to >= Catalog.End)
            {
                errors["from"] = [$"The date range is invalid: days must lie between {Day(Catalog.Beginning)} and {Day(Catalog.End.AddDays(-1))}."];
            }
        }

        var country = Known(query.Country, "country", catalog.Countries, errors);
        var category = Known(query.Category, "category", catalog.Categories, errors);
        var channel = Known(query.Channel, "channel", catalog.Channels, errors);
        return errors.Count > 0 ? null : new QueryFilter(from, to.AddDays(1), country, category, channel);
    }

    /// <summary>The same filter moved back by its own length: the previous period of equal length.</summary>
    public static QueryFilter Previous(QueryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var days = filter.To.DayNumber - filter.From.DayNumber;
        return filter with { From = filter.From.AddDays(-days), To = filter.From };
    }

    /// <summary>A day as the API writes it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"'{text}' is not a date: write {name} as yyyy-MM-dd."];
        return null;
    }

    private static string? Known(string? text, string name, IReadOnlyList<string> known, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = known.FirstOrDefault(k => string.Equals(k, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var list = known.Count == 0 ? "none (the warehouse is empty)" : string.Join(", ", known.Take(40));
            errors[name] = [$"Unknown {name} '{text}'. Known values: {list}."];
        }

        return match;
    }
}
