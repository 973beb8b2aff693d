namespace CartStream.Transform.Cleaning;

/// <summary>
/// Trims and collapses spaces in text fields, and lower- or upper-cases codes. Returns the same string instance
/// when nothing changes, so clean data (the common case) allocates nothing.
/// </summary>
internal static class TextCleaner
{
    /// <summary>Trimmed, inner runs of white space collapsed to one space; null when nothing is left.</summary>
    public static string? Clean(string? value, ref bool repaired)
    {
        if (value is null)
        {
            return null;
        }

        if (IsClean(value))
        {
            return value.Length == 0 ? null : value;
        }

        repaired = true;
        var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? null : string.Join(' ', parts);
    }

    /// <summary><see cref="Clean"/> then lower case (invariant): emails and enumeration-like codes.</summary>
    public static string? CleanLower(string? value, ref bool repaired)
    {
        var cleaned = Clean(value, ref repaired);
        if (cleaned is null || !HasUpper(cleaned))
        {
            return cleaned;
        }

        repaired = true;
        return cleaned.ToLowerInvariant();
    }

    /// <summary><see cref="Clean"/> then upper case (invariant): ISO country and currency codes.</summary>
    public static string? CleanUpper(string? value, ref bool repaired)
    {
        var cleaned = Clean(value, ref repaired);
        if (cleaned is null || !HasLower(cleaned))
        {
            return cleaned;
        }

        repaired = true;
        return cleaned.ToUpperInvariant();
    }

    private static bool IsClean(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || value[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUpper(string value)
    {
        foreach (var c in value)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLower(string value)
    {
        foreach (var c in value)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }
}
