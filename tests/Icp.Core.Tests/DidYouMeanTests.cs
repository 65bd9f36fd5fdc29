namespace Icp.Core.Tests;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("industy", "industry")]
    [InlineData("signls", "signals")]
    [InlineData("pionts", "points")]
    [InlineData("betwen", "between")]
    [InlineData("INDUSTRY", "industry")]
    public void A_close_misspelling_finds_the_intended_name(string input, string expected) =>
        Assert.Equal(expected, DidYouMean.Closest(input, ["industry", "signals", "points", "between", "country"]));

    [Theory]
    [InlineData("colour")]
    [InlineData("x")]
    [InlineData("")]
    public void Nothing_close_gives_no_suggestion(string input) =>
        Assert.Null(DidYouMean.Closest(input, ["industry", "signals", "points"]));

    [Fact]
    public void A_hint_is_a_sentence_or_nothing()
    {
        Assert.Equal(" — did you mean 'industry'?", DidYouMean.Hint("industy", ["industry", "country"]));
        Assert.Equal("", DidYouMean.Hint("zzzzzzzz", ["industry", "country"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_adjacent_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, DidYouMean.Distance(a, b));
}
