using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

public sealed class ColumnResolverTests
{
    [Theory]
    [InlineData("industry", 1)]
    [InlineData("INDUSTRY", 1)]
    [InlineData("employee_count", 2)]
    [InlineData("employeecount", 2)]
    [InlineData("Employee-Count", 2)]
    [InlineData("annual revenue", 3)]
    [InlineData("nothing", -1)]
    public void Columns_match_exactly_then_ignoring_case_then_ignoring_spaces_underscores_and_dashes(string name, int expected)
    {
        var resolver = new ColumnResolver(["name", "Industry", "Employee Count", "Annual_Revenue"], "data.csv");

        Assert.Equal(expected, resolver.Find(name));
    }

    [Fact]
    public void An_exact_match_wins_over_a_case_insensitive_one()
    {
        var resolver = new ColumnResolver(["Industry", "industry"], "data.csv");

        Assert.Equal(1, resolver.Find("industry"));
        Assert.Equal(0, resolver.Find("Industry"));
        Assert.Equal(0, resolver.Find("INDUSTRY"));
    }

    [Fact]
    public void A_missing_column_suggests_the_closest_and_lists_the_columns()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
            """);

        var e = Assert.Throws<InputException>(() => ScoringPlan.Create([profile], ["name", "industy", "country"], "data.csv", Score.Options()));

        Assert.Equal("field 'industry' used at profile.yaml:3:15 is not a column of data.csv — did you mean 'industy'? Columns: name, industy, country", e.Message);
        Assert.Equal(new SourceLocation("data.csv", 1), e.Location);
    }

    [Fact]
    public void A_missing_mapped_column_names_the_column_and_the_field()
    {
        var profile = Some.Profile("""
            icp: t
            fields:
              employees: { type: number, column: "Employee Count" }
            signals:
              - employees: { gte: 10 }
                points: 10
            """);

        var e = Assert.Throws<InputException>(() => ScoringPlan.Create([profile], ["name", "Employees"], "data.csv", Score.Options()));

        Assert.StartsWith("column 'Employee Count' (field 'employees') used at profile.yaml:3:3 is not a column of data.csv", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Columns: name, Employees", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_column_list_is_cut_after_40()
    {
        var columns = Enumerable.Range(1, 45).Select(i => $"col{i}").ToList();
        var resolver = new ColumnResolver(columns, "wide.csv");

        var e = Assert.Throws<InputException>(() => resolver.Require("zzz_unrelated", "zzz_unrelated", new SourceLocation("p.yaml", 1, 1)));

        Assert.EndsWith("col39, col40, ... (45 in all)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_is_read_from_its_mapped_column()
    {
        var profile = Some.Profile("""
            icp: t
            fields:
              employees: { type: number, column: "Employee Count" }
            signals:
              - employees: { gte: 10 }
                points: 10
            """);

        var rows = Score.Rows(profile, ["employees", "Employee Count"], ["1", "50"]);

        Assert.Equal(100, rows[0].Score);
    }

    [Fact]
    public void A_field_is_found_under_a_differently_written_column()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - employee_count: { gte: 10 }
                points: 10
            """);

        var rows = Score.Rows(profile, ["Employee Count"], ["50"], ["5"]);

        Assert.Equal([100, 0], rows.Select(r => r.Score));
    }

    [Theory]
    [InlineData("icp_score")]
    [InlineData("ICP_Tier")]
    [InlineData("icp_reasons")]
    public void Data_that_already_has_an_output_column_is_rejected(string column)
    {
        var profile = Some.Profile("icp: t\nsignals:\n  - industry: Software\n    points: 10\n");

        var e = Assert.Throws<InputException>(() => ScoringPlan.Create([profile], ["industry", column], "data.csv", Score.Options()));

        Assert.Contains("it looks already scored; drop the icp_* columns first", e.Message, StringComparison.Ordinal);
        Assert.Equal(column, e.Location?.Field, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Data_that_has_a_group_column_is_rejected()
    {
        var profile = Some.Profile("icp: t\nsignals:\n  - industry: Software\n    points: 10\n    group: fit\n");

        var e = Assert.Throws<InputException>(() => ScoringPlan.Create([profile], ["industry", "icp_fit"], "data.csv", Score.Options()));

        Assert.Equal("the data already has a column 'icp_fit': it looks already scored; drop the icp_* columns first", e.Message);
    }
}
