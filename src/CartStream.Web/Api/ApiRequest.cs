using System.Globalization;
using CartStream.Warehouse.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartStream.Web.Api;

/// <summary>
/// What every endpoint does first: resolve the filters (and its own parameters) against the catalog, answer a
/// ValidationProblem naming every bad parameter, or run the question through the query pool.
/// </summary>
public sealed class ApiRequest(QueryPool pool, CatalogCache catalog, ResponseCache cache, TimeProvider time)
{
    /// <summary>Hourly buckets are refused past this many days (a chart of 2,000+ points helps nobody).</summary>
    public const int MaxHourlyDays = 92;

    /// <summary>The warehouse's connections.</summary>
    public QueryPool Pool => pool;

    /// <summary>
    /// Asks the query layer <paramref name="question"/> (a name unique per question and its own arguments) for a
    /// resolved <paramref name="filter"/>, through the response cache.
    /// </summary>
    public Task<T> AskAsync<T>(string question, QueryFilter filter, Func<IWarehouseQueries, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The filter is resolved against the catalog, so values are already in their canonical spelling.
        var key = string.Join('\n', question, Day(filter.From), Day(filter.To), filter.Country, filter.Category, filter.Channel);
        return cache.GetOrAddAsync(key, ct => pool.RunAsync(query, ct), cancellationToken);
    }

    /// <summary>Resolves the filters, adds the endpoint's own <paramref name="errors"/>, and answers.</summary>
    public async Task<Results<Ok<T>, ValidationProblem>> AnswerAsync<T>(
        FilterQuery query, Func<QueryFilter, CancellationToken, Task<T>> answer, CancellationToken cancellationToken, Dictionary<string, string[]>? errors = null)
    {
        var known = await catalog.GetAsync(cancellationToken);
        var filter = FilterValidation.TryResolve(query, known, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), out var filterErrors);
        foreach (var (key, value) in errors ?? [])
        {
            filterErrors[key] = value;
        }

        if (filter is null || filterErrors.Count > 0)
        {
            return Problem(filterErrors);
        }

        return TypedResults.Ok(await answer(filter, cancellationToken));
    }

    /// <summary>The ProblemDetails of a bad request: a title, one line per bad parameter in <c>detail</c>, and <c>errors</c>.</summary>
    public static ValidationProblem Problem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "The request's parameters are invalid.");

    /// <summary>Parses <c>bucket</c>: <c>hour</c>, <c>day</c>, or empty for hours up to two days and days beyond.</summary>
    public static TimeBucket? Bucket(string? text, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "hour":
                return TimeBucket.Hour;
            case "day":
                return TimeBucket.Day;
            default:
                errors["bucket"] = [$"Unknown bucket '{text}': use hour or day."];
                return null;
        }
    }

    /// <summary>The bucket to use for a resolved filter, refusing hours over long ranges.</summary>
    public static TimeBucket Effective(TimeBucket? asked, QueryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var days = filter.To.DayNumber - filter.From.DayNumber;
        return asked ?? (days <= 2 ? TimeBucket.Hour : TimeBucket.Day);
    }

    /// <summary>Parses a whole-number parameter within a range; <paramref name="fallback"/> when absent.</summary>
    public static int Integer(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"{name} must be a whole number from {min} to {max}, not '{text}'."];
            return fallback;
        }

        return value;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Label of a bucket in responses.</summary>
    public static string Name(TimeBucket bucket) => bucket == TimeBucket.Hour ? "hour" : "day";
}
