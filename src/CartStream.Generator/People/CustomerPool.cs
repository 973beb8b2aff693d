using System.Globalization;
using CartStream.Events.Reference;
using CartStream.Generator.Geo;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.People;

/// <summary>
/// A fixed population of customers with skewed activity: a few order often, most rarely, so orders come from
/// returning customers as they do in a real shop. A customer is created the first time they order, from their
/// own random stream, so customer N is the same person whatever the order of events.
/// </summary>
internal sealed class CustomerPool
{
    private readonly ulong _seed;
    private readonly Geography _geography;
    private readonly DateOnly _newestSignup;
    private readonly CustomerProfile?[] _customers;
    private readonly int[] _byActivity;
    private readonly AliasSampler _activity;

    public CustomerPool(ulong seed, DeterministicRandom random, int count, double activityExponent, Geography geography, DateTime firstEventUtc)
    {
        _seed = seed;
        _geography = geography;
        _newestSignup = DateOnly.FromDateTime(firstEventUtc);
        _customers = new CustomerProfile?[count];
        _byActivity = Enumerable.Range(0, count).ToArray();
        random.Shuffle(_byActivity.AsSpan());
        _activity = AliasSampler.Zipf(count, activityExponent);
    }

    public CustomerProfile Sample(DeterministicRandom random)
    {
        var index = _byActivity[_activity.Sample(random)];
        return _customers[index] ??= Create(index);
    }

    private CustomerProfile Create(int index)
    {
        // Stream numbers above 2^32 cannot collide with the generator's own stream numbers.
        var random = DeterministicRandom.Derive(_seed, (1UL << 32) + (ulong)index);
        var first = random.Pick(PersonNames.First);
        var last = random.Pick(PersonNames.Last);
        var roll = random.NextDouble();
        var segment = roll < 0.80 ? "consumer" : roll < 0.95 ? "small_business" : "corporate";
        var home = _geography.NewPlace(random, _geography.SampleCountry(random));
        return new CustomerProfile
        {
            CustomerId = string.Create(CultureInfo.InvariantCulture, $"C{index + 1:D7}"),
            Name = $"{first} {last}",
            Email = Email(random, first, last, segment),
            Segment = segment,
            SignupDate = SignupDate(random),
            Home = home,
        };
    }

    private DateOnly SignupDate(DeterministicRandom random)
    {
        var opened = DateOnly.FromDateTime(ReferenceData.ShopOpenedUtc);
        var span = Math.Max(0, _newestSignup.DayNumber - opened.DayNumber);

        // Many first orders follow a recent sign-up; the rest of the customers have been around for years.
        var daysBack = random.Chance(0.4) ? random.Next(Math.Min(span, 30) + 1) : random.Next(span + 1);
        return _newestSignup.AddDays(-daysBack);
    }

    private static string Email(DeterministicRandom random, string first, string last, string segment)
    {
        var f = first.ToLowerInvariant();
        var l = last.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        string email;
        if (segment == "consumer")
        {
            var local = random.Next(4) switch
            {
                0 => $"{f}.{l}",
                1 => $"{f}{l}{random.Between(1, 99)}",
                2 => $"{f[0]}.{l}",
                _ => $"{f}_{l}{random.Between(1970, 2006)}",
            };
            email = $"{local}@{random.Pick(PersonNames.ConsumerDomains)}";
        }
        else
        {
            email = $"{f}.{l}@{l}{random.Pick(PersonNames.CompanySuffixes)}.{random.Pick(PersonNames.CompanyTlds)}";
        }

        // Some people type their address capitalised; it is still valid, and the transform lower-cases it.
        return random.Chance(0.05) ? char.ToUpperInvariant(email[0]) + email[1..] : email;
    }
}
