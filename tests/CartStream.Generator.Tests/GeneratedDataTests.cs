using CartStream.Events;

namespace CartStream.Generator.Tests;

/// <summary>The generated data against its configuration, with the tolerances the issue sets.</summary>
public sealed class GeneratedDataTests(GeneratedSample sample) : IClassFixture<GeneratedSample>
{
    [Fact]
    public void Each_defect_kind_has_its_configured_share_within_20_percent()
    {
        var expectedShare = sample.Options.DirtyRatio / sample.Kinds.Count;
        var counts = sample.Records.SelectMany(r => r.Defects).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Assert.DoesNotContain(DefectCode.NotAvro, counts.Keys);
        foreach (var kind in sample.Kinds)
        {
            var share = counts.GetValueOrDefault(kind) / (double)GeneratedSample.Size;
            Assert.InRange(share, expectedShare * 0.8, expectedShare * 1.2);
        }
    }

    [Fact]
    public void Every_record_breaks_exactly_the_rules_its_defects_name()
    {
        var seen = new HashSet<Guid>();
        foreach (var record in sample.Records)
        {
            var found = DefectRules.Check(record.Event, sample.ProcessingTime, seen);
            Assert.True(
                found.Order().SequenceEqual(record.Defects.Order()),
                $"record {record.Sequence}: labelled [{string.Join(",", record.Defects)}], rules find [{string.Join(",", found)}]");
        }
    }

    [Fact]
    public void The_top_tenth_of_products_carries_at_least_40_percent_of_lines()
    {
        var lines = sample.Records.Where(r => r.Event.Product.ProductId is not null).GroupBy(r => r.Event.Product.ProductId)
            .Select(g => g.Count()).OrderDescending().ToList();
        var top = lines.Take(sample.Options.ProductCount / 10).Sum();
        Assert.True(top >= 0.40 * lines.Sum(), $"top 10% of products carry {top / (double)lines.Sum():P1} of lines");
    }

    [Fact]
    public void At_least_30_percent_of_orders_come_from_returning_customers()
    {
        var seenCustomers = new HashSet<string>();
        var orders = 0;
        var returning = 0;
        foreach (var order in CleanRecords().GroupBy(r => r.Event.OrderId))
        {
            orders++;
            if (!seenCustomers.Add(order.First().Event.Customer.CustomerId!))
            {
                returning++;
            }
        }

        Assert.True(returning >= 0.30 * orders, $"{returning} of {orders} orders from returning customers");
    }

    [Fact]
    public void Every_address_city_is_a_city_of_its_country()
    {
        foreach (var record in CleanRecords())
        {
            var address = record.Event.ShippingAddress;
            var city = GeneratedSample.Reference.FindCity(address.Country, address.City);
            Assert.True(city is not null, $"record {record.Sequence}: {address.City} is not a city of {address.Country}");
            Assert.True(city.PostalCodeMatches(address.PostalCode), $"record {record.Sequence}: {address.PostalCode} is not a postal code of {city.Name}");
        }
    }

    [Fact]
    public void Orders_number_their_lines_from_one_and_share_order_customer_and_time()
    {
        // Duplicates are earlier lines sent again; every other record continues the order before it or opens one.
        SalesEvent? previous = null;
        foreach (var e in sample.Records.Where(r => !r.Defects.Contains(DefectCode.DuplicateEvent)).Select(r => r.Event))
        {
            if (e.LineNumber != 1)
            {
                Assert.NotNull(previous);
                Assert.Equal(previous.LineNumber + 1, e.LineNumber);
                Assert.True(e.OrderId is null || previous.OrderId is null || e.OrderId == previous.OrderId);
                Assert.True(e.Customer.CustomerId is null || previous.Customer.CustomerId is null || e.Customer.CustomerId == previous.Customer.CustomerId);
            }
            else
            {
                Assert.NotEqual(previous?.OrderId ?? "none", e.OrderId);
            }

            previous = e;
        }
    }

    [Fact]
    public void The_currency_mostly_follows_the_shipping_country()
    {
        var records = CleanRecords().ToList();
        var home = records.Count(r =>
            GeneratedSample.Reference.TryGetCountry(r.Event.ShippingAddress.Country, out var country)
            && country.CurrencyCode == r.Event.Currency);
        Assert.InRange(home / (double)records.Count, 0.85, 0.99);
    }

    [Fact]
    public void Simulated_time_is_busier_in_the_evening_than_at_night()
    {
        var hours = CleanRecords().GroupBy(r => r.Event.EventTime!.Value.Hour).ToDictionary(g => g.Key, g => g.Count());
        var evening = hours.GetValueOrDefault(19) + hours.GetValueOrDefault(20);
        var night = hours.GetValueOrDefault(3) + hours.GetValueOrDefault(4);
        Assert.True(evening > 4 * night, $"19-21h: {evening} lines, 3-5h: {night} lines");
        var last = CleanRecords().Max(r => r.Event.EventTime!.Value);
        Assert.InRange((last - GeneratedSample.Start).TotalDays, 0.7, 1.3);
    }

    private IEnumerable<GeneratedRecord> CleanRecords() => sample.Records.Where(r => !r.IsDirty);
}
