namespace CartStream.Events;

/// <summary>A shipping address: street in a city in a country (the snowflaked geography).</summary>
public sealed class Address
{
    /// <summary>Street and number.</summary>
    public string? Street { get; set; }

    /// <summary>Postal code in the country's format.</summary>
    public string? PostalCode { get; set; }

    /// <summary>City name, as the customer typed it.</summary>
    public string? City { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; set; }
}
