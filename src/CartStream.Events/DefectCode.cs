namespace CartStream.Events;

/// <summary>
/// Codes for the kinds of dirty record the generator injects and the transform rejects.
/// One vocabulary for both sides: a label's code is the rule code that must catch it.
/// </summary>
public static class DefectCode
{
    /// <summary>A field the model needs (anything but the event id) is empty.</summary>
    public const string MissingRequiredField = "MISSING_REQUIRED_FIELD";

    /// <summary>Quantity is zero or negative.</summary>
    public const string NonPositiveQuantity = "NON_POSITIVE_QUANTITY";

    /// <summary>Unit price is zero or negative.</summary>
    public const string NonPositivePrice = "NON_POSITIVE_PRICE";

    /// <summary>The email is not of the form local@domain.tld.</summary>
    public const string MalformedEmail = "MALFORMED_EMAIL";

    /// <summary>The country code is not in the reference data.</summary>
    public const string UnknownCountry = "UNKNOWN_COUNTRY";

    /// <summary>The currency code is not in the reference data.</summary>
    public const string UnknownCurrency = "UNKNOWN_CURRENCY";

    /// <summary>Event time is more than five minutes ahead of processing time.</summary>
    public const string FutureEventTime = "FUTURE_EVENT_TIME";

    /// <summary>Event time is implausibly old (before the shop opened, or years back).</summary>
    public const string StaleEventTime = "STALE_EVENT_TIME";

    /// <summary>The same event id was seen before; the later copy is the duplicate.</summary>
    public const string DuplicateEvent = "DUPLICATE_EVENT";

    /// <summary>The message bytes are not an Avro-encoded event at all.</summary>
    public const string NotAvro = "NOT_AVRO";

    /// <summary>Every code, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MissingRequiredField, NonPositiveQuantity, NonPositivePrice, MalformedEmail, UnknownCountry,
        UnknownCurrency, FutureEventTime, StaleEventTime, DuplicateEvent, NotAvro,
    ];
}
