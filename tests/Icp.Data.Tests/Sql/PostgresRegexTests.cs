using Icp.Data.Sql;

namespace Icp.Data.Tests.Sql;

public sealed class PostgresRegexTests
{
    [Theory]
    [InlineData(@"(?i)\b(cfo|vp finance)\b", @"(?i)\y(cfo|vp finance)\y")]
    [InlineData(@"\Bing\b", @"\Ying\y")]
    [InlineData(@"^\d{3}-\w+\s*$", @"^\d{3}-\w+\s*$")]
    [InlineData(@"[\b\]x]\b", @"[\b\]x]\y")]
    [InlineData(@"[]b]\b", @"[]b]\y")]
    [InlineData(@"end\z", @"end\Z")]
    [InlineData(@"(?<=\$)\d+", @"(?<=\$)\d+")]
    [InlineData(@"(?:saas|paas)", @"(?:saas|paas)")]
    public void Translates_dotnet_syntax_to_postgres_advanced_regexes(string dotnet, string postgres) =>
        Assert.Equal(postgres, PostgresRegex.Translate(dotnet));

    [Theory]
    [InlineData(@"(?<year>\d{4})", "named groups")]
    [InlineData(@"(?'x'a)", "named groups")]
    [InlineData(@"\p{Lu}", @"\p")]
    [InlineData(@"a(?i)b", "inline options")]
    [InlineData(@"(?m)^x", "inline options")]
    [InlineData(@"(a)\k<1>", @"\k")]
    public void Refuses_what_postgres_lacks_and_names_it(string dotnet, string construct)
    {
        var e = Assert.Throws<NotSupportedException>(() => PostgresRegex.Translate(dotnet));
        Assert.Contains(construct, e.Message, StringComparison.Ordinal);
        Assert.Contains(dotnet, e.Message, StringComparison.Ordinal);
    }
}
