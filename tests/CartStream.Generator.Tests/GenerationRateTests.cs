using CartStream.Generator.Rate;

namespace CartStream.Generator.Tests;

public sealed class GenerationRateTests
{
    [Fact]
    public void The_default_rate_releases_10000_events_at_the_start_of_every_5_seconds()
    {
        var rate = GenerationRate.Default;
        Assert.Equal(10_000, rate.Allowance(TimeSpan.Zero));
        Assert.Equal(10_000, rate.Allowance(TimeSpan.FromSeconds(4.99)));
        Assert.Equal(20_000, rate.Allowance(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(10), rate.NextRelease(20_000));
    }

    [Fact]
    public void A_steady_rate_releases_its_share_of_events_as_time_passes()
    {
        Assert.True(GenerationRate.TryParse("2000", out var rate));
        Assert.Equal(RateKind.Steady, rate.Kind);
        Assert.Equal(2_001, rate.Allowance(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(0.5), rate.NextRelease(1_000));
    }

    [Theory]
    [InlineData("max", RateKind.Max)]
    [InlineData("MAX", RateKind.Max)]
    [InlineData("10000/5s", RateKind.Burst)]
    [InlineData("500/250ms", RateKind.Burst)]
    [InlineData("1.5", RateKind.Steady)]
    public void Rates_parse_from_the_command_line_forms(string text, RateKind kind)
    {
        Assert.True(GenerationRate.TryParse(text, out var rate));
        Assert.Equal(kind, rate.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10/0s")]
    [InlineData("x/5s")]
    public void Nonsense_rates_are_refused(string text) => Assert.False(GenerationRate.TryParse(text, out _));

    [Fact]
    public async Task The_pacer_hands_out_one_whole_burst_before_waiting()
    {
        var pacer = new RatePacer(GenerationRate.Burst(3, TimeSpan.FromMinutes(10)));
        var first = await pacer.NextBatchAsync(2, TestContext.Current.CancellationToken);
        var second = await pacer.NextBatchAsync(2, TestContext.Current.CancellationToken);
        Assert.Equal((2, 1), (first, second));
        Assert.Equal(3, pacer.Released);
    }
}
