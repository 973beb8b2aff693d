using System.Collections.Frozen;
using System.Globalization;

namespace CartStream.Events.Reference;

/// <summary>
/// The shop's geography and currencies, loaded from the CSV files shipped in <c>Reference/</c>: the generator
/// draws addresses and prices from it, the transform canonicalises countries and cities and converts amounts
/// to the reporting currency with it.
/// </summary>
public sealed class ReferenceData
{
    /// <summary>The currency every report converts amounts to.</summary>
    public const string ReportingCurrency = "USD";

    private readonly FrozenDictionary<string, Country> _countries;
    private readonly FrozenDictionary<string, Currency> _currencies;
    private readonly FrozenDictionary<string, City[]> _citiesByCountry;
    private readonly FrozenDictionary<(string Country, string Spelling), City> _citiesBySpelling;

    private ReferenceData(IReadOnlyList<Country> countries, IReadOnlyList<City> cities, IReadOnlyList<Currency> currencies)
    {
        Countries = countries;
        Cities = cities;
        Currencies = currencies;
        _countries = countries.ToFrozenDictionary(c => c.IsoCode, StringComparer.OrdinalIgnoreCase);
        _currencies = currencies.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _citiesByCountry = cities.GroupBy(c => c.CountryCode, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        var spellings = new Dictionary<(string, string), City>(SpellingComparer.Instance);
        foreach (var city in cities)
        {
            foreach (var spelling in city.Aliases.Prepend(city.Name))
            {
                if (!spellings.TryAdd((city.CountryCode, spelling), city))
                {
                    throw new InvalidDataException($"cities.csv: '{spelling}' names two cities in {city.CountryCode}.");
                }
            }
        }

        _citiesBySpelling = spellings.ToFrozenDictionary(SpellingComparer.Instance);
    }

    /// <summary>The reference data built into this assembly.</summary>
    public static ReferenceData Default { get; } = LoadEmbedded();

    /// <summary>Day the shop opened: an event before it is implausibly old.</summary>
    public static DateTime ShopOpenedUtc { get; } = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far ahead of processing time an event time may be before it counts as from the future.</summary>
    public static TimeSpan MaxClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Every country, in file order.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Every city, in file order.</summary>
    public IReadOnlyList<City> Cities { get; }

    /// <summary>Every currency, in file order.</summary>
    public IReadOnlyList<Currency> Currencies { get; }

    /// <summary>Parses the three CSV files (with their header lines); throws naming the file and line on bad data.</summary>
    public static ReferenceData Parse(TextReader countries, TextReader cities, TextReader currencies)
    {
        var currencyRows = ReadRows(currencies, "currencies.csv", 4)
            .Select(r => new Currency(r.Fields[0], r.Fields[1], r.Decimal(2), r.Int(3)))
            .ToList();
        var currencyCodes = currencyRows.Select(c => c.Code).ToHashSet();
        var countryRows = ReadRows(countries, "countries.csv", 4)
            .Select(r => new Country(r.Fields[0], r.Fields[1], r.Known(2, currencyCodes), r.Double(3)))
            .ToList();
        var countryCodes = countryRows.Select(c => c.IsoCode).ToHashSet();
        var cityRows = ReadRows(cities, "cities.csv", 5)
            .Select(r => new City(
                r.Known(0, countryCodes),
                r.Fields[1],
                r.Double(2),
                r.Fields[3],
                r.Fields[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        var withoutCities = countryCodes.Except(cityRows.Select(c => c.CountryCode)).ToList();
        if (withoutCities.Count > 0)
        {
            throw new InvalidDataException($"cities.csv: no city for {string.Join(", ", withoutCities)}.");
        }

        return new ReferenceData(countryRows, cityRows, currencyRows);
    }

    /// <summary>The country with this ISO code (any case, surrounding spaces ignored), if known.</summary>
    public bool TryGetCountry(string? isoCode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country)
    {
        country = null;
        return isoCode is not null && _countries.TryGetValue(isoCode.Trim(), out country);
    }

    /// <summary>The currency with this ISO code (any case, surrounding spaces ignored), if known.</summary>
    public bool TryGetCurrency(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && _currencies.TryGetValue(code.Trim(), out currency);
    }

    /// <summary>The cities of a country, in file order; empty for an unknown country.</summary>
    public IReadOnlyList<City> CitiesOf(string countryCode) =>
        _citiesByCountry.TryGetValue(countryCode, out var cities) ? cities : [];

    /// <summary>
    /// The canonical city a customer meant by <paramref name="typedName"/> in a country: matches the name or an
    /// alias, ignoring case and surrounding spaces. Null when the city is not in that country.
    /// </summary>
    public City? FindCity(string? countryCode, string? typedName)
    {
        if (countryCode is null || typedName is null)
        {
            return null;
        }

        return _citiesBySpelling.TryGetValue((countryCode.Trim(), typedName.Trim()), out var city) ? city : null;
    }

    /// <summary>Converts an amount in a known currency to <see cref="ReportingCurrency"/>, unrounded.</summary>
    /// <exception cref="KeyNotFoundException">The currency is not in the reference data.</exception>
    public decimal ToReportingCurrency(decimal amount, string currencyCode) =>
        TryGetCurrency(currencyCode, out var currency)
            ? amount * currency.UsdPerUnit
            : throw new KeyNotFoundException($"Currency '{currencyCode}' is not in the reference data.");

    private static ReferenceData LoadEmbedded()
    {
        using var countries = OpenEmbedded("countries.csv");
        using var cities = OpenEmbedded("cities.csv");
        using var currencies = OpenEmbedded("currencies.csv");
        return Parse(countries, cities, currencies);
    }

    private static StreamReader OpenEmbedded(string file)
    {
        var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream($"Reference/{file}")
            ?? throw new InvalidOperationException($"Embedded reference file 'Reference/{file}' is missing from the build.");
        return new StreamReader(stream);
    }

    private static IEnumerable<CsvRow> ReadRows(TextReader reader, string file, int columns)
    {
        var lineNumber = 1;
        if (reader.ReadLine() is null)
        {
            throw new InvalidDataException($"{file} is empty: the header line is missing.");
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            // The files are plain comma-separated with no quoting: names never contain commas.
            var fields = line.Split(',');
            if (fields.Length != columns)
            {
                throw new InvalidDataException($"{file} line {lineNumber}: expected {columns} fields, found {fields.Length}.");
            }

            yield return new CsvRow(file, lineNumber, fields);
        }
    }

    private sealed record CsvRow(string File, int Line, string[] Fields)
    {
        public decimal Decimal(int i) => decimal.TryParse(Fields[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw Bad(i, "a positive number");

        public double Double(int i) => double.TryParse(Fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw Bad(i, "a positive number");

        public int Int(int i) => int.TryParse(Fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Bad(i, "a whole number");

        public string Known(int i, HashSet<string> known) => known.Contains(Fields[i]) ? Fields[i] : throw Bad(i, "a code defined in the other files");

        private InvalidDataException Bad(int i, string expected) =>
            new($"{File} line {Line}, field {i + 1}: '{Fields[i]}' is not {expected}.");
    }

    private sealed class SpellingComparer : IEqualityComparer<(string Country, string Spelling)>
    {
        public static readonly SpellingComparer Instance = new();

        public bool Equals((string Country, string Spelling) x, (string Country, string Spelling) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Country, y.Country)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Spelling, y.Spelling);

        public int GetHashCode((string Country, string Spelling) obj) =>
            HashCode.Combine(
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Country),
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Spelling));
    }
}
