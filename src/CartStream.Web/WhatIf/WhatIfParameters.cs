using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CartStream.Web.WhatIf;

/// <summary>
/// Reads a scenario from the query string: <c>priceChange</c>, <c>discount</c>, <c>elasticity</c>,
/// <c>volumeGrowth</c> for every category, and <c>priceChange[Toys]=5</c> style overrides for one category
/// (levers it does not name keep the overall value). Out-of-range or unparsable values become errors.
/// </summary>
public static class WhatIfParameters
{
    /// <summary>The overall levers and the per-category overrides, or errors keyed by parameter.</summary>
    public static (WhatIfLevers Overall, Dictionary<string, WhatIfLevers> PerCategory) Parse(
        IEnumerable<KeyValuePair<string, StringValues>> query, IReadOnlyList<string> categories, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(errors);
        var pairs = query.ToList();
        var overall = new decimal[WhatIfLevers.Parameters.Count];
        var overrides = new Dictionary<string, decimal?[]>(StringComparer.Ordinal);
        for (var i = 0; i < WhatIfLevers.Parameters.Count; i++)
        {
            var (name, min, max) = WhatIfLevers.Parameters[i];
            foreach (var (key, values) in pairs)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    overall[i] = Value(key, values.ToString(), min, max, errors) ?? 0;
                }
                else if (key.StartsWith(name + "[", StringComparison.OrdinalIgnoreCase) && key.EndsWith(']'))
                {
                    var asked = key[(name.Length + 1)..^1];
                    var category = categories.FirstOrDefault(c => string.Equals(c, asked, StringComparison.OrdinalIgnoreCase));
                    if (category is null)
                    {
                        errors[key] = [$"Unknown category '{asked}' in {key}. Known values: {string.Join(", ", categories)}."];
                        continue;
                    }

                    if (!overrides.TryGetValue(category, out var levers))
                    {
                        levers = new decimal?[WhatIfLevers.Parameters.Count];
                        overrides[category] = levers;
                    }

                    levers[i] = Value(key, values.ToString(), min, max, errors);
                }
            }
        }

        var perCategory = overrides.ToDictionary(
            o => o.Key,
            o => Levers(i => o.Value[i] ?? overall[i]),
            StringComparer.Ordinal);
        return (Levers(i => overall[i]), perCategory);
    }

    private static WhatIfLevers Levers(Func<int, decimal> value) => new(value(0), value(1), value(2), value(3));

    private static decimal? Value(string key, string text, decimal min, decimal max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            errors[key] = [$"{key} must be a number, not '{text}'."];
            return null;
        }

        if (value < min || value > max)
        {
            errors[key] = [$"{key} = {text} is out of range: it must lie between {min} and {max}."];
            return null;
        }

        return value;
    }
}
