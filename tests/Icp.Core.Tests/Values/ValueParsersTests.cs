using Icp.Core.Profiles;
using Icp.Core.Values;

namespace Icp.Core.Tests.Values;

public sealed class ValueParsersTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("  42  ", 42)]
    [InlineData("-3.5", -3.5)]
    [InlineData("1,200", 1200)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("1e3", 1000)]
    [InlineData(".5", 0.5)]
    public void Data_numbers_are_invariant_and_allow_thousands_separators(string text, double expected)
    {
        Assert.True(ValueParsers.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12 345")]
    [InlineData("1.200,5")]
    [InlineData("10k")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Data_numbers_reject_text_suffixes_and_non_finite_values(string text) =>
        Assert.False(ValueParsers.TryParseNumber(text, out _));

    [Theory]
    [InlineData("500", 500)]
    [InlineData("10k", 10_000)]
    [InlineData("10K", 10_000)]
    [InlineData("2.5M", 2_500_000)]
    [InlineData("2.5m", 2_500_000)]
    [InlineData("1B", 1_000_000_000)]
    [InlineData("1_000_000", 1_000_000)]
    [InlineData("-5k", -5000)]
    [InlineData(" 3k ", 3000)]
    public void Profile_numbers_accept_k_M_B_suffixes_and_underscores(string text, double expected)
    {
        Assert.True(ValueParsers.TryParseProfileNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("M")]
    [InlineData("10x")]
    [InlineData("ten")]
    [InlineData("2024-03-01")]
    public void Profile_numbers_reject_a_bare_suffix_and_other_text(string text) =>
        Assert.False(ValueParsers.TryParseProfileNumber(text, out _));

    [Theory]
    [InlineData("2024-03-01", 2024, 3, 1)]
    [InlineData(" 2024-03-01 ", 2024, 3, 1)]
    [InlineData("2024-03-01T10:00:00Z", 2024, 3, 1)]
    [InlineData("2024-03-01T23:30:00-05:00", 2024, 3, 1)]
    [InlineData("2024-03-01 10:00", 2024, 3, 1)]
    [InlineData("2024-03", 2024, 3, 1)]
    [InlineData("2024", 2024, 1, 1)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("3/15/2024", 2024, 3, 15)]
    public void Dates_accept_iso_year_month_year_and_a_time_part(string text, int y, int m, int d)
    {
        Assert.True(ValueParsers.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13")]
    [InlineData("2024-00-10")]
    [InlineData("0000")]
    [InlineData("24")]
    [InlineData("2024-3-1x")]
    public void Dates_reject_impossible_and_unrecognised_values(string text) =>
        Assert.False(ValueParsers.TryParseDate(text, out _));

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" yes ", true)]
    [InlineData("Y", true)]
    [InlineData("t", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("n", false)]
    [InlineData("F", false)]
    [InlineData("0", false)]
    public void Bools_accept_true_false_yes_no_y_n_and_1_0(string text, bool expected)
    {
        Assert.True(ValueParsers.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("yess")]
    public void Bools_reject_anything_else(string text) =>
        Assert.False(ValueParsers.TryParseBool(text, out _));

    [Theory]
    [InlineData("18 months", 18, PeriodUnit.Months)]
    [InlineData("1 month", 1, PeriodUnit.Months)]
    [InlineData("90 days", 90, PeriodUnit.Days)]
    [InlineData("1 day", 1, PeriodUnit.Days)]
    [InlineData("6 weeks", 6, PeriodUnit.Weeks)]
    [InlineData("2 years", 2, PeriodUnit.Years)]
    [InlineData("1 year", 1, PeriodUnit.Years)]
    [InlineData("  3   Years ", 3, PeriodUnit.Years)]
    [InlineData("18months", 18, PeriodUnit.Months)]
    [InlineData("0 days", 0, PeriodUnit.Days)]
    public void Periods_are_a_whole_number_and_a_unit(string text, int amount, PeriodUnit unit)
    {
        Assert.True(ValueParsers.TryParsePeriod(text, out var period));
        Assert.Equal(new Period(amount, unit), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("months")]
    [InlineData("18 moons")]
    [InlineData("-3 days")]
    [InlineData("1.5 years")]
    [InlineData("18")]
    [InlineData("100001 days")]
    public void Periods_reject_missing_or_unknown_units_and_fractions(string text) =>
        Assert.False(ValueParsers.TryParsePeriod(text, out _));

    [Theory]
    [InlineData("Fintech", "Fintech")]
    [InlineData("  Fintech  ", "Fintech")]
    [InlineData("Financial   Services", "Financial Services")]
    [InlineData("Financial\tServices", "Financial Services")]
    [InlineData(" a \n\t b  c ", "a b c")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Text_is_trimmed_and_white_space_runs_collapse_to_one_space(string text, string expected) =>
        Assert.Equal(expected, ValueParsers.NormaliseText(text));

    [Fact]
    public void Long_text_is_normalised_too()
    {
        var words = Enumerable.Repeat("word", 300);

        Assert.Equal(string.Join(' ', words), ValueParsers.NormaliseText(string.Join("  \t ", words)));
    }
}
