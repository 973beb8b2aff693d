namespace CartStream.Events.Reference;

/// <summary>A city in a <see cref="Country"/> (one row of <c>cities.csv</c>).</summary>
/// <param name="CountryCode">ISO code of the country the city belongs to.</param>
/// <param name="Name">Canonical name, as reports show it.</param>
/// <param name="PopulationWeight">Relative size (thousands of inhabitants): how often addresses fall there.</param>
/// <param name="PostalCodePattern">
/// Shape of the city's postal codes: <c>#</c> is a digit, <c>@</c> an upper-case letter, anything else literal
/// (<c>750##</c> is Paris, <c>SW# #@@</c> is south-west London).
/// </param>
/// <param name="Aliases">Other spellings customers type for the same city (<c>München</c> for Munich).</param>
public sealed record City(
    string CountryCode,
    string Name,
    double PopulationWeight,
    string PostalCodePattern,
    IReadOnlyList<string> Aliases)
{
    /// <summary>Whether <paramref name="postalCode"/> has the shape of this city's postal codes.</summary>
    public bool PostalCodeMatches(string? postalCode)
    {
        if (postalCode is null || postalCode.Length != PostalCodePattern.Length)
        {
            return false;
        }

        for (var i = 0; i < postalCode.Length; i++)
        {
            var ok = PostalCodePattern[i] switch
            {
                '#' => char.IsAsciiDigit(postalCode[i]),
                '@' => char.IsAsciiLetterUpper(postalCode[i]),
                var literal => postalCode[i] == literal,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
