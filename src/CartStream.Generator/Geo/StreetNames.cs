namespace CartStream.Generator.Geo;

/// <summary>Street address templates in each country's own style; <c>{n}</c> is the house number.</summary>
internal static class StreetNames
{
    private static readonly string[] English =
    [
        "{n} High Street", "{n} Station Road", "{n} Church Lane", "{n} Oak Avenue", "{n} Maple Drive",
        "{n} Park Road", "{n} Mill Lane", "{n} King Street", "{n} Victoria Road", "{n} Cedar Court",
        "{n} Lake View Drive", "{n} Elm Street", "{n} Main Street", "{n} Hillside Avenue", "{n} Queen Street",
    ];

    private static readonly Dictionary<string, string[]> ByCountry = new()
    {
        ["FR"] = ["{n} rue de la Paix", "{n} rue Victor Hugo", "{n} avenue Jean Jaurès", "{n} rue du Moulin", "{n} boulevard Pasteur", "{n} rue des Lilas"],
        ["BE"] = ["{n} rue de la Station", "{n} avenue Louise", "Kerkstraat {n}", "Stationsstraat {n}", "{n} rue Royale"],
        ["DE"] = ["Hauptstraße {n}", "Bahnhofstraße {n}", "Gartenweg {n}", "Schulstraße {n}", "Lindenallee {n}", "Bergstraße {n}"],
        ["AT"] = ["Hauptplatz {n}", "Mozartgasse {n}", "Kirchengasse {n}", "Lindengasse {n}", "Bahnhofstraße {n}"],
        ["CH"] = ["Bahnhofstrasse {n}", "Seestrasse {n}", "Dorfstrasse {n}", "{n} rue du Lac", "Via Cantonale {n}"],
        ["NL"] = ["Kerkstraat {n}", "Dorpsstraat {n}", "Molenweg {n}", "Prinsengracht {n}", "Julianalaan {n}"],
        ["ES"] = ["Calle Mayor {n}", "Calle del Sol {n}", "Calle de Alcalá {n}", "Avenida de la Paz {n}", "Calle Real {n}"],
        ["MX"] = ["Avenida Reforma {n}", "Calle Hidalgo {n}", "Calle Juárez {n}", "Avenida Insurgentes {n}", "Calle Morelos {n}"],
        ["IT"] = ["Via Roma {n}", "Via Garibaldi {n}", "Via Dante {n}", "Corso Mazzini {n}", "Via Verdi {n}", "Piazza Cavour {n}"],
        ["PT"] = ["Rua das Flores {n}", "Rua Augusta {n}", "Avenida da Liberdade {n}", "Rua do Comércio {n}"],
        ["BR"] = ["Rua das Flores {n}", "Avenida Paulista {n}", "Rua São Bento {n}", "Rua da Consolação {n}"],
        ["SE"] = ["Storgatan {n}", "Drottninggatan {n}", "Kungsgatan {n}", "Vasagatan {n}", "Skolgatan {n}"],
        ["FI"] = ["Mannerheimintie {n}", "Aleksanterinkatu {n}", "Hämeenkatu {n}", "Puistokatu {n}"],
        ["PL"] = ["ul. Marszałkowska {n}", "ul. Długa {n}", "ul. Kwiatowa {n}", "ul. Polna {n}", "ul. Ogrodowa {n}"],
        ["GR"] = ["Ermou {n}", "Stadiou {n}", "Panepistimiou {n}", "Tsimiski {n}"],
        ["JP"] = ["{n}-3-12 Chuo", "{n}-1-5 Kita", "{n}-7-2 Naka", "{n}-2-9 Minami", "{n}-4-1 Nishi"],
    };

    public static string[] For(string countryCode) => ByCountry.TryGetValue(countryCode, out var names) ? names : English;
}
