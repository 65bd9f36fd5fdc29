using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>any_of, all_of and not follow Kleene logic: a missing value is unknown, not false.</summary>
public sealed class ThreeValuedLogicTests
{
    private static Truth Eval(string criterion, string a, string b)
    {
        var profile = Some.Profile($"icp: t\nsignals:\n  - {criterion}\n    points: 10\n");
        return Score.Explain(profile, ["a", "b"], [a, b]).Criteria[0].Outcome;
    }

    [Theory]
    [InlineData("x", "y", Truth.True)]
    [InlineData("x", "", Truth.True)]
    [InlineData("", "y", Truth.True)]
    [InlineData("x", "no", Truth.True)]
    [InlineData("no", "", Truth.Unknown)]
    [InlineData("", "", Truth.Unknown)]
    [InlineData("no", "no", Truth.False)]
    public void Any_of_holds_if_any_part_holds_and_is_unknown_if_none_holds_but_some_is_unknown(string a, string b, Truth expected) =>
        Assert.Equal(expected, Eval("any_of: [{ a: x }, { b: y }]", a, b));

    [Theory]
    [InlineData("x", "y", Truth.True)]
    [InlineData("x", "", Truth.Unknown)]
    [InlineData("", "", Truth.Unknown)]
    [InlineData("no", "", Truth.False)]
    [InlineData("", "no", Truth.False)]
    [InlineData("x", "no", Truth.False)]
    public void All_of_fails_if_any_part_fails_and_is_unknown_if_none_fails_but_some_is_unknown(string a, string b, Truth expected) =>
        Assert.Equal(expected, Eval("all_of: [{ a: x }, { b: y }]", a, b));

    [Theory]
    [InlineData("x", Truth.False)]
    [InlineData("no", Truth.True)]
    [InlineData("", Truth.Unknown)]
    public void Not_of_unknown_is_unknown(string a, Truth expected) =>
        Assert.Equal(expected, Eval("not: { a: x }", a, "ignored"));

    [Theory]
    [InlineData("x", "", Truth.False)]
    [InlineData("no", "", Truth.Unknown)]
    [InlineData("no", "no", Truth.True)]
    public void Not_of_any_of_follows_de_morgan(string a, string b, Truth expected) =>
        Assert.Equal(expected, Eval("not: { any_of: [{ a: x }, { b: y }] }", a, b));

    [Theory]
    [InlineData("60", Truth.True)]
    [InlineData("40", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void Several_operators_on_one_field_behave_like_all_of(string a, Truth expected)
    {
        var profile = Some.Profile("icp: t\nsignals:\n  - a: { gte: 50, lte: 100 }\n    points: 10\n");

        Assert.Equal(expected, Score.Explain(profile, ["a"], [a]).Criteria[0].Outcome);
    }
}
