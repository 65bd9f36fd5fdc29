using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>Each operator on a matching, a non-matching and a missing value.</summary>
public sealed class OperatorTests
{
    private static Truth Eval(string condition, string value, string fields = "", DateOnly? asOf = null)
    {
        var profile = Some.Profile($"icp: t\n{fields}signals:\n  - x: {condition}\n    points: 10\n");
        return Score.Explain(profile, ["x"], [value], Score.Options(asOf)).Criteria[0].Outcome;
    }

    [Theory]
    [InlineData("Software", Truth.True)]
    [InlineData("software", Truth.True)]
    [InlineData("  SOFTWARE ", Truth.True)]
    [InlineData("Hardware", Truth.False)]
    [InlineData("Software Inc", Truth.False)]
    [InlineData("", Truth.Unknown)]
    [InlineData("   ", Truth.Unknown)]
    public void Equals_on_text_ignores_case_and_surrounding_space(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ equals: Software }", value));

    [Theory]
    [InlineData("Germany", Truth.True)]
    [InlineData("de", Truth.True)]
    [InlineData("AUT", Truth.True)]
    [InlineData(" Schweiz ", Truth.True)]
    [InlineData("Sweden", Truth.True)]
    [InlineData("France", Truth.False)]
    [InlineData("Atlantis", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void In_region_reads_the_value_as_a_country_and_tests_its_region_groups(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ in_region: [DACH, nordics] }", value));

    [Theory]
    [InlineData("U.S.A.", Truth.True)]
    [InlineData("Canada", Truth.True)]
    [InlineData("Brazil", Truth.False)]
    public void In_region_knows_the_sales_regions(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ in_region: NA }", value));

    [Theory]
    [InlineData("Financial Services", Truth.True)]
    [InlineData("financial    services", Truth.True)]
    [InlineData("Financial\tServices", Truth.True)]
    [InlineData("FinancialServices", Truth.False)]
    public void Text_comparison_collapses_runs_of_white_space(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ in: [\"Financial  Services\", Fintech] }", value));

    [Theory]
    [InlineData("US", Truth.True)]
    [InlineData(" ca ", Truth.True)]
    [InlineData("FR", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void In_holds_for_any_listed_value(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ in: [US, CA] }", value));

    [Theory]
    [InlineData("Government", Truth.False)]
    [InlineData("  government ", Truth.False)]
    [InlineData("Software", Truth.True)]
    [InlineData("", Truth.Unknown)]
    public void Not_in_holds_for_values_outside_the_list_and_is_unknown_when_missing(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ not_in: [Government, Education] }", value));

    [Theory]
    [InlineData("50", Truth.True)]
    [InlineData("5000", Truth.True)]
    [InlineData("1,200", Truth.True)]
    [InlineData("49.9", Truth.False)]
    [InlineData("5,001", Truth.False)]
    [InlineData("", Truth.Unknown)]
    [InlineData("n/a", Truth.Unknown)]
    public void Between_numbers_is_inclusive(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ between: [50, 5k] }", value));

    [Theory]
    [InlineData("{ gt: 100 }", "101", Truth.True)]
    [InlineData("{ gt: 100 }", "100", Truth.False)]
    [InlineData("{ gte: 100 }", "100", Truth.True)]
    [InlineData("{ gte: 100 }", "99", Truth.False)]
    [InlineData("{ lt: 100 }", "99", Truth.True)]
    [InlineData("{ lt: 100 }", "100", Truth.False)]
    [InlineData("{ lte: 100 }", "100", Truth.True)]
    [InlineData("{ lte: 100 }", "100.01", Truth.False)]
    [InlineData("{ gte: 10M }", "10,000,000", Truth.True)]
    [InlineData("{ gte: 50, lt: 100 }", "75", Truth.True)]
    [InlineData("{ gte: 50, lt: 100 }", "100", Truth.False)]
    [InlineData("{ gte: 50, lt: 100 }", "", Truth.Unknown)]
    [InlineData("{ gt: 100 }", "", Truth.Unknown)]
    public void Number_comparisons_hold_as_written(string condition, string value, Truth expected) =>
        Assert.Equal(expected, Eval(condition, value));

    [Theory]
    [InlineData("500", Truth.True)]
    [InlineData("500.0", Truth.True)]
    [InlineData("1,000", Truth.True)]
    [InlineData("501", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void In_on_a_number_field_compares_numbers(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ in: [500, 1k] }", value, "fields:\n  x: number\n"));

    [Theory]
    [InlineData("500", Truth.False)]
    [InlineData("7", Truth.True)]
    [InlineData("", Truth.Unknown)]
    public void Not_in_on_a_number_field_compares_numbers(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ not_in: [500, 1k] }", value, "fields:\n  x: number\n"));

    [Theory]
    [InlineData("2024-01-01", Truth.True)]
    [InlineData("2024-12-31T23:59:59Z", Truth.True)]
    [InlineData("2024-06", Truth.True)]
    [InlineData("2023-12-31", Truth.False)]
    [InlineData("2025", Truth.False)]
    [InlineData("", Truth.Unknown)]
    [InlineData("last year", Truth.Unknown)]
    public void Between_dates_is_inclusive(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ between: [2024-01-01, 2024-12-31] }", value));

    [Theory]
    [InlineData("{ gt: 2024-03-01 }", "2024-03-02", Truth.True)]
    [InlineData("{ gt: 2024-03-01 }", "2024-03-01", Truth.False)]
    [InlineData("{ lte: 2024-03 }", "2024-03-01", Truth.True)]
    [InlineData("{ lte: 2024-03 }", "2024-03-02", Truth.False)]
    public void Date_comparisons_hold_as_written(string condition, string value, Truth expected) =>
        Assert.Equal(expected, Eval(condition, value));

    [Theory]
    [InlineData("Salesforce; Slack", Truth.True)]
    [InlineData("slack;salesforce", Truth.True)]
    [InlineData("  Slack ;  HubSpot  ", Truth.True)]
    [InlineData("[\"Salesforce\",\"Slack\"]", Truth.True)]
    [InlineData("[\"Slack\", \"hubspot\"]", Truth.True)]
    [InlineData("Slack; Zendesk", Truth.False)]
    [InlineData("[\"Slack\"]", Truth.False)]
    [InlineData("SalesforceX", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void Any_holds_when_the_set_has_a_listed_token(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ any: [Salesforce, HubSpot] }", value));

    [Theory]
    [InlineData("Salesforce; HubSpot; Slack", Truth.True)]
    [InlineData("[\"hubspot\",\"salesforce\"]", Truth.True)]
    [InlineData("Salesforce; Salesforce", Truth.False)]
    [InlineData("Salesforce", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void All_holds_when_the_set_has_every_listed_token(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ all: [Salesforce, HubSpot] }", value));

    [Theory]
    [InlineData("Slack; Zendesk", Truth.True)]
    [InlineData("Slack; hubspot", Truth.False)]
    [InlineData("[\"Oracle\"]", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void None_holds_when_the_set_has_no_listed_token(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ none: [Oracle, HubSpot] }", value));

    [Theory]
    [InlineData("Salesforce|Slack", Truth.True)]
    [InlineData("Salesforce;Slack", Truth.False)]
    public void A_set_field_can_use_its_own_separator(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ any: [Slack] }", value, "fields:\n  x: { type: set, separator: \"|\" }\n"));

    [Theory]
    [InlineData("Salesforce; Sales Cloud", Truth.True)]
    [InlineData("sales   cloud", Truth.True)]
    public void Set_tokens_compare_like_text(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ any: [\"Sales Cloud\"] }", value));

    [Theory]
    [InlineData("CFO", Truth.True)]
    [InlineData("Deputy cfo, EMEA", Truth.True)]
    [InlineData("CEO", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void Matches_runs_the_regular_expression(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ matches: \"(?i)\\\\bcfo\\\\b\" }", value));

    [Fact]
    public void Matches_is_case_sensitive_unless_the_pattern_says_otherwise() =>
        Assert.Equal(Truth.False, Eval("{ matches: \"cfo\" }", "CFO"));

    [Theory]
    [InlineData("{ exists: true }", "acme.com", Truth.True)]
    [InlineData("{ exists: true }", "", Truth.False)]
    [InlineData("{ exists: true }", "   ", Truth.False)]
    [InlineData("{ missing: true }", "", Truth.True)]
    [InlineData("{ missing: true }", "acme.com", Truth.False)]
    [InlineData("{ exists: false }", "", Truth.True)]
    public void Exists_and_missing_are_never_unknown(string condition, string value, Truth expected) =>
        Assert.Equal(expected, Eval(condition, value));

    [Theory]
    [InlineData("2023-12-15", Truth.True)]
    [InlineData("2023-12-14", Truth.False)]
    [InlineData("2025-06-15", Truth.True)]
    [InlineData("2026-01-01", Truth.True)]
    [InlineData("2024-01", Truth.True)]
    [InlineData("", Truth.Unknown)]
    public void Within_counts_back_from_the_as_of_date_and_a_future_date_is_recent(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ within: 18 months }", value, asOf: new DateOnly(2025, 6, 15)));

    [Theory]
    [InlineData("2022-06-14", Truth.True)]
    [InlineData("2022-06-15", Truth.False)]
    [InlineData("2026-01-01", Truth.False)]
    [InlineData("", Truth.Unknown)]
    public void Older_than_is_strictly_before_the_period_before_the_as_of_date(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ older_than: 3 years }", value, asOf: new DateOnly(2025, 6, 15)));

    [Theory]
    [InlineData("2025-02-28", Truth.True)]
    [InlineData("2025-02-27", Truth.False)]
    public void Within_a_month_of_the_31st_ends_on_the_last_day_of_the_shorter_month(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ within: 1 month }", value, asOf: new DateOnly(2025, 3, 31)));

    [Fact]
    public void Recency_depends_on_the_as_of_date_not_the_clock()
    {
        Assert.Equal(Truth.True, Eval("{ within: 90 days }", "2020-01-01", asOf: new DateOnly(2020, 3, 1)));
        Assert.Equal(Truth.False, Eval("{ within: 90 days }", "2020-01-01", asOf: new DateOnly(2021, 3, 1)));
    }

    [Theory]
    [InlineData("true", Truth.True)]
    [InlineData("Yes", Truth.True)]
    [InlineData("1", Truth.True)]
    [InlineData("no", Truth.False)]
    [InlineData("0", Truth.False)]
    [InlineData("", Truth.Unknown)]
    [InlineData("maybe", Truth.Unknown)]
    public void Equals_true_on_a_bool_accepts_the_usual_spellings(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ equals: true }", value));

    [Theory]
    [InlineData("false", Truth.True)]
    [InlineData("y", Truth.False)]
    public void Equals_false_on_a_bool_holds_for_false_values(string value, Truth expected) =>
        Assert.Equal(expected, Eval("{ equals: false }", value));
}
