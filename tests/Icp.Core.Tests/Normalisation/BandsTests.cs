using Icp.Core.Normalisation;

namespace Icp.Core.Tests.Normalisation;

public sealed class BandsTests
{
    [Theory]
    [InlineData("51-200", 51, 200.0, 125.5)]
    [InlineData("1-10", 1, 10.0, 5.5)]
    [InlineData("1,001-5,000", 1001, 5000.0, 3000.5)]
    [InlineData("1001 - 5000", 1001, 5000.0, 3000.5)]
    [InlineData("11–50", 11, 50.0, 30.5)]
    [InlineData("10 to 50 employees", 10, 50.0, 30)]
    [InlineData("200+", 200, null, 200)]
    [InlineData("10,001+", 10001, null, 10001)]
    [InlineData("10k+", 10000, null, 10000)]
    [InlineData("10,000 or more", 10000, null, 10000)]
    [InlineData("over 500", 500, null, 500)]
    [InlineData(">1000", 1000, null, 1000)]
    [InlineData("<10", 0, 10.0, 5)]
    [InlineData("under 50 employees", 0, 50.0, 25)]
    [InlineData("up to 20", 0, 20.0, 10)]
    [InlineData("250", 250, 250.0, 250)]
    [InlineData("  1,200 ", 1200, 1200.0, 1200)]
    [InlineData("$10M-$50M", 10e6, 50e6, 30e6)]
    [InlineData("10-50M", 10e6, 50e6, 30e6)]
    [InlineData("$1M - $10M", 1e6, 10e6, 5.5e6)]
    [InlineData("1.2B", 1.2e9, 1.2e9, 1.2e9)]
    [InlineData("$500K", 500e3, 500e3, 500e3)]
    [InlineData("USD 2.5M", 2.5e6, 2.5e6, 2.5e6)]
    [InlineData("$100 million to $500 million", 100e6, 500e6, 300e6)]
    [InlineData("over $1 billion", 1e9, null, 1e9)]
    [InlineData("$1B+", 1e9, null, 1e9)]
    [InlineData("5mm", 5e6, 5e6, 5e6)]
    [InlineData("2bn", 2e9, 2e9, 2e9)]
    [InlineData("$50M-$100M annual revenue", 50e6, 100e6, 75e6)]
    public void Bands_become_bounds_and_a_representative_value(string text, double low, double? high, double value)
    {
        Assert.True(Bands.TryParse(text, out var band), text);
        Assert.Equal(low, band.Low, 6);
        Assert.Equal(high, band.High);
        Assert.Equal(value, band.Value, 6);
        Assert.Equal(high is null, band.IsOpen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Self-employed")]
    [InlineData("lots")]
    [InlineData("€5M")]
    [InlineData("£10M")]
    [InlineData("200-50")]
    [InlineData("1.2.3")]
    [InlineData("10/20")]
    [InlineData("-")]
    public void Values_that_are_not_bands_are_unrecognised(string text) => Assert.False(Bands.TryParse(text, out _), text);
}
