namespace CartStream.Transform.Rules;

/// <summary>
/// Rule codes the transform adds to the generator's <see cref="Events.DefectCode"/> vocabulary: problems of the
/// file or schema rather than of one event's values, and the warnings and repairs the generator never labels.
/// </summary>
public static class RuleCode
{
    /// <summary>A record inside an Avro file could not be decoded as a sales event.</summary>
    public const string UndecodableRecord = "UNDECODABLE_RECORD";

    /// <summary>An Avro file's writer schema is not a sales event schema this build can read.</summary>
    public const string UnknownSchema = "UNKNOWN_SCHEMA";

    /// <summary>A raw file could not be read at all (bad header, broken block); the file is quarantined.</summary>
    public const string CorruptFile = "CORRUPT_FILE";

    /// <summary>The discount fraction is outside 0 to 1.</summary>
    public const string DiscountOutOfRange = "DISCOUNT_OUT_OF_RANGE";

    /// <summary>The city is not in the reference data for its country; kept as typed.</summary>
    public const string UnknownCity = "UNKNOWN_CITY";

    /// <summary>The unit cost is missing or negative, so cost and margin are unknown.</summary>
    public const string MissingUnitCost = "MISSING_UNIT_COST";

    /// <summary>The email had surrounding spaces or upper-case letters.</summary>
    public const string EmailNormalised = "EMAIL_NORMALISED";

    /// <summary>The city was typed as an alias or in another case and was mapped to its canonical name.</summary>
    public const string CityCanonicalised = "CITY_CANONICALISED";

    /// <summary>A text field had surrounding or repeated spaces, or a code was in the wrong case.</summary>
    public const string TextNormalised = "TEXT_NORMALISED";
}
