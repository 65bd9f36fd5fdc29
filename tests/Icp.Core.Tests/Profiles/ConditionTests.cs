using Icp.Core.Profiles;
using Icp.TestSupport;

namespace Icp.Core.Tests.Profiles;

public sealed class ConditionTests
{
    [Theory]
    [InlineData(18, PeriodUnit.Months, 2025, 6, 15, 2023, 12, 15)]
    [InlineData(1, PeriodUnit.Months, 2025, 3, 31, 2025, 2, 28)]
    [InlineData(1, PeriodUnit.Months, 2024, 3, 31, 2024, 2, 29)]
    [InlineData(1, PeriodUnit.Years, 2024, 2, 29, 2023, 2, 28)]
    [InlineData(2, PeriodUnit.Weeks, 2025, 1, 10, 2024, 12, 27)]
    [InlineData(90, PeriodUnit.Days, 2025, 6, 15, 2025, 3, 17)]
    public void A_period_counts_back_on_the_calendar(int amount, PeriodUnit unit, int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), new Period(amount, unit).Before(new DateOnly(y, m, d)));

    [Theory]
    [InlineData(18, PeriodUnit.Months, "18 months")]
    [InlineData(1, PeriodUnit.Months, "1 month")]
    [InlineData(1, PeriodUnit.Days, "1 day")]
    [InlineData(3, PeriodUnit.Years, "3 years")]
    public void A_period_reads_as_written(int amount, PeriodUnit unit, string expected) =>
        Assert.Equal(expected, new Period(amount, unit).ToString());

    [Theory]
    [InlineData("industry: Software", "industry=Software")]
    [InlineData("industry: [Software, Fintech]", "industry in [Software, Fintech]")]
    [InlineData("industry: { not_in: [Gov] }", "industry not in [Gov]")]
    [InlineData("employees: { between: [200, 1000] }", "employees 200-1000")]
    [InlineData("employees: { gte: 10k }", "employees>=10000")]
    [InlineData("employees: { gt: 2.5 }", "employees>2.5")]
    [InlineData("employees: { lt: 50 }", "employees<50")]
    [InlineData("employees: { lte: 50 }", "employees<=50")]
    [InlineData("tech: { any: [Salesforce] }", "tech has Salesforce")]
    [InlineData("tech: { any: [Salesforce, HubSpot] }", "tech has any of [Salesforce, HubSpot]")]
    [InlineData("tech: { all: [a, b] }", "tech has all of [a, b]")]
    [InlineData("tech: { none: [a] }", "tech has none of [a]")]
    [InlineData("title: { matches: \"(?i)cfo\" }", "title matches /(?i)cfo/")]
    [InlineData("website: { exists: true }", "website present")]
    [InlineData("website: { missing: true }", "website missing")]
    [InlineData("website: { exists: false }", "website missing")]
    [InlineData("founded: { within: 18 months }", "founded within 18 months")]
    [InlineData("founded: { older_than: 1 year }", "founded older than 1 year")]
    [InlineData("founded: { between: [2020-01-01, 2021-06] }", "founded 2020-01-01 to 2021-06-01")]
    [InlineData("hiring: true", "hiring")]
    [InlineData("hiring: { equals: false }", "not hiring")]
    [InlineData("not: { industry: Gov }", "not industry=Gov")]
    [InlineData("any_of: [{ a: x }, { b: y }]", "a=x or b=y")]
    [InlineData("all_of: [{ a: x }, { any_of: [{ b: y }, { c: z }] }]", "a=x and (b=y or c=z)")]
    public void Conditions_describe_themselves_for_reasons(string criterion, string expected)
    {
        var profile = Some.Profile($"icp: t\nsignals:\n  - {criterion}\n    points: 10\n");

        Assert.Equal(expected, profile.Signals[0].Condition.Describe());
    }

    [Fact]
    public void Field_names_cover_every_part_of_a_combination()
    {
        var profile = Some.Profile("icp: t\nsignals:\n  - all_of: [{ a: x }, { not: { b: y } }, { any_of: [{ c: z }, { a: w }] }]\n    points: 10\n");

        Assert.Equal(["a", "b", "c", "a"], profile.Signals[0].Condition.FieldNames());
    }
}
