using Icp.Core.Profiles;
using Icp.TestSupport;

namespace Icp.Core.Tests.Profiles;

/// <summary>Without a <c>fields</c> entry a field's type comes from the operators used on it.</summary>
public sealed class TypeInferenceTests
{
    private static FieldType TypeOf(string criterion, string field = "x", string fields = "")
    {
        var profile = Some.Profile($"icp: t\n{fields}signals:\n  - {criterion}\n    points: 10\n");
        return profile.Fields[field].Type;
    }

    [Theory]
    [InlineData("x: { between: [50, 5000] }")]
    [InlineData("x: { between: [10k, 2.5M] }")]
    [InlineData("x: { gte: 10 }")]
    [InlineData("x: { gt: 1_000 }")]
    [InlineData("x: { lt: 5 }")]
    [InlineData("x: { lte: -5 }")]
    public void Comparisons_with_numbers_make_a_number(string criterion) =>
        Assert.Equal(FieldType.Number, TypeOf(criterion));

    [Theory]
    [InlineData("x: { between: [2024-01-01, 2024-12-31] }")]
    [InlineData("x: { gte: 2024-03-01 }")]
    [InlineData("x: { lt: 2024-03 }")]
    public void Comparisons_with_iso_dates_make_a_date(string criterion) =>
        Assert.Equal(FieldType.Date, TypeOf(criterion));

    [Theory]
    [InlineData("x: { within: 18 months }")]
    [InlineData("x: { older_than: 3 years }")]
    public void Recency_makes_a_date(string criterion) =>
        Assert.Equal(FieldType.Date, TypeOf(criterion));

    [Theory]
    [InlineData("x: { any: [Salesforce] }")]
    [InlineData("x: { all: [a, b] }")]
    [InlineData("x: { none: [a] }")]
    public void Set_operators_make_a_set(string criterion) =>
        Assert.Equal(FieldType.Set, TypeOf(criterion));

    [Theory]
    [InlineData("x: { equals: true }")]
    [InlineData("x: { equals: false }")]
    [InlineData("x: true")]
    public void Equals_true_or_false_makes_a_bool(string criterion) =>
        Assert.Equal(FieldType.Bool, TypeOf(criterion));

    [Theory]
    [InlineData("x: { equals: \"true\" }")]
    [InlineData("x: { equals: Software }")]
    [InlineData("x: [a, b]")]
    [InlineData("x: { matches: \"^a\" }")]
    [InlineData("x: { exists: true }")]
    [InlineData("x: { not_in: [a] }")]
    public void Everything_else_is_text(string criterion) =>
        Assert.Equal(FieldType.Text, TypeOf(criterion));

    [Fact]
    public void A_declared_type_wins_over_inference()
    {
        Assert.Equal(FieldType.Text, TypeOf("x: { equals: true }", fields: "fields:\n  x: { type: text }\n"));
        Assert.Equal(FieldType.Number, TypeOf("x: { equals: 500 }", fields: "fields:\n  x: { type: number }\n"));
        Assert.Equal(FieldType.Date, TypeOf("x: { between: [2024, 2025] }", fields: "fields:\n  x: date\n"));
    }

    [Fact]
    public void A_separator_alone_declares_a_set()
    {
        var profile = Some.Profile("icp: t\nfields:\n  tech: { separator: \"|\" }\nsignals:\n  - tech: { any: [a] }\n    points: 10\n");

        Assert.Equal(FieldType.Set, profile.Fields["tech"].Type);
        Assert.Equal("|", profile.Fields["tech"].Separator);
    }

    [Fact]
    public void A_column_mapping_without_a_type_still_infers_the_type()
    {
        var profile = Some.Profile("icp: t\nfields:\n  employees: { column: \"Employee Count\" }\nsignals:\n  - employees: { gte: 10 }\n    points: 10\n");

        Assert.Equal(FieldType.Number, profile.Fields["employees"].Type);
        Assert.Equal("Employee Count", profile.Fields["employees"].ColumnName);
    }

    [Fact]
    public void Equals_on_a_declared_number_field_becomes_a_numeric_range()
    {
        var profile = Some.Profile("icp: t\nfields:\n  x: number\nsignals:\n  - x: { equals: 2k }\n    points: 10\n");

        var predicate = Assert.IsType<NumberRangePredicate>(Assert.IsType<FieldCondition>(profile.Signals[0].Condition).Predicates.Single());
        Assert.Equal((2000d, true, 2000d, true), (predicate.Min, predicate.MinInclusive, predicate.Max, predicate.MaxInclusive));
        Assert.Equal("x=2000", profile.Signals[0].Condition.Describe());
    }
}
