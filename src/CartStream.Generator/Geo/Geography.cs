using CartStream.Events.Reference;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Geo;

/// <summary>
/// Draws consistent addresses from the reference data: a country by customer weight, a city of that country by
/// population, a street in the country's style and a postal code of the city's pattern.
/// </summary>
internal sealed class Geography
{
    private readonly ReferenceData _reference;
    private readonly AliasSampler _countries;
    private readonly City[][] _cities;
    private readonly AliasSampler[] _citySamplers;
    private readonly int[] _currencyOfCountry;

    public Geography(ReferenceData reference)
    {
        _reference = reference;
        _countries = new AliasSampler(reference.Countries.Select(c => c.CustomerWeight).ToArray());
        _cities = reference.Countries.Select(c => reference.CitiesOf(c.IsoCode).ToArray()).ToArray();
        _citySamplers = _cities.Select(cities => new AliasSampler(cities.Select(c => c.PopulationWeight).ToArray())).ToArray();
        var currencyIndex = reference.Currencies.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        _currencyOfCountry = reference.Countries.Select(c => currencyIndex[c.CurrencyCode]).ToArray();
    }

    public int SampleCountry(DeterministicRandom random) => _countries.Sample(random);

    /// <summary>Index (in the reference currencies) of the currency customers in the country pay in.</summary>
    public int HomeCurrencyOf(int countryIndex) => _currencyOfCountry[countryIndex];

    public ShippingPlace NewPlace(DeterministicRandom random, int countryIndex)
    {
        var country = _reference.Countries[countryIndex];
        var city = _cities[countryIndex][_citySamplers[countryIndex].Sample(random)];
        var street = random.Pick(StreetNames.For(country.IsoCode)).Replace("{n}", random.Between(1, 240).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new ShippingPlace(street, PostalCode(random, city.PostalCodePattern), TypedCity(random, city), TypedCountry(random, country), countryIndex);
    }

    private static string PostalCode(DeterministicRandom random, string pattern) =>
        string.Create(pattern.Length, (pattern, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.pattern[i] switch
                {
                    '#' => (char)('0' + state.random.Next(10)),
                    '@' => (char)('A' + state.random.Next(26)),
                    var literal => literal,
                };
            }
        });

    // Customers type city names their own way; the transform canonicalises them (ReferenceData.FindCity).
    private static string TypedCity(DeterministicRandom random, City city)
    {
        var roll = random.NextDouble();
        if (roll < 0.05 && city.Aliases.Count > 0)
        {
            return city.Aliases[random.Next(city.Aliases.Count)];
        }

        return roll > 0.98 ? city.Name.ToUpperInvariant() : city.Name;
    }

    private static string TypedCountry(DeterministicRandom random, Country country) =>
        random.Chance(0.01) ? country.IsoCode.ToLowerInvariant() : country.IsoCode;
}
