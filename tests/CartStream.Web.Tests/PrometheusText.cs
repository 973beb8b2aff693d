using System.Globalization;

namespace CartStream.Web.Tests;

/// <summary>A scrape of a <c>/metrics</c> endpoint, read as the sum of each metric's series.</summary>
public sealed class PrometheusText
{
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);

    private PrometheusText(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // name{labels} value [timestamp]; label values may hold spaces, so the name ends at '{' or ' '.
            var nameEnd = line.IndexOfAny(['{', ' ']);
            var afterLabels = line[nameEnd] == '{' ? line.IndexOf("} ", nameEnd, StringComparison.Ordinal) + 2 : nameEnd + 1;
            var value = line[afterLabels..].Split(' ')[0];
            var name = line[..nameEnd];
            _sums[name] = _sums.GetValueOrDefault(name) + double.Parse(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Scrapes <paramref name="url"/>.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http, string url, CancellationToken ct) =>
        new(await http.GetStringAsync(url, ct));

    /// <summary>The sum of every series of <paramref name="metric"/>, 0 when it has none.</summary>
    public double Sum(string metric) => _sums.GetValueOrDefault(metric);

    /// <summary>Whether the scrape has a series of <paramref name="metric"/>.</summary>
    public bool Has(string metric) => _sums.ContainsKey(metric);
}
