namespace CartStream.Transform.Cleaning;

/// <summary>The shape check behind <see cref="Events.DefectCode.MalformedEmail"/>.</summary>
internal static class EmailAddress
{
    /// <summary>
    /// True for <c>local@domain.tld</c>: exactly one '@' with text before it, no white space, and a domain of
    /// non-empty dot-separated labels with at least one dot. Deliberately not RFC 5322: it accepts what shops
    /// actually mail to and rejects the typing and export accidents seen in practice.
    /// </summary>
    public static bool IsWellFormed(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || email.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        foreach (var c in email)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var domain = email.AsSpan(at + 1);
        if (domain.Length < 3 || domain[0] == '.' || domain[^1] == '.' || domain.IndexOf('.') < 0)
        {
            return false;
        }

        return domain.IndexOf("..", StringComparison.Ordinal) < 0;
    }
}
