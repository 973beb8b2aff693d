using CartStream.Transform.Model;

namespace CartStream.Transform.Tests;

public sealed class SurrogateKeyTests
{
    [Fact]
    public void The_same_natural_key_gives_the_same_key_in_every_run()
    {
        // Pinned values: a change here changes every key already in a warehouse.
        Assert.Equal(SurrogateKey.Of("dim_customer", "C0000001"), SurrogateKey.Of("dim_customer", "C0000001"));
        Assert.Equal(KnownCustomerKey, SurrogateKey.Of("dim_customer", "C0000001"));
    }

    [Fact]
    public void Different_tables_parts_and_part_boundaries_give_different_keys()
    {
        long[] keys =
        [
            SurrogateKey.Of("dim_customer", "C1"),
            SurrogateKey.Of("dim_product", "C1"),
            SurrogateKey.Of("dim_channel", "web", "mobile"),
            SurrogateKey.Of("dim_channel", "webm", "obile"),
            SurrogateKey.Of("dim_channel", "web", null),
            SurrogateKey.Of("dim_channel", "web", ""),
            SurrogateKey.Of("dim_address", "DE", "Berlin", "10117", "Unter den Linden 1"),
            SurrogateKey.Of("dim_address", "DE", "Berlin", "10117", "Unter den Linden 2"),
        ];
        Assert.Equal(keys.Length - 1, keys.Distinct().Count());
        Assert.Equal(keys[4], keys[5]);
    }

    private const long KnownCustomerKey = 3293741609372193697;
}
