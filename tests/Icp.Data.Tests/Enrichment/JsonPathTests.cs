using System.Text.Json;
using Icp.Data.Enrichment;

namespace Icp.Data.Tests.Enrichment;

public sealed class JsonPathTests
{
    private const string Body = """{"name":"Acme","metrics":{"employees":120,"public":false},"tech":["Salesforce",null,"Slack"],"hq":{"city":null},"offices":[{"city":"Paris"}]}""";

    [Theory]
    [InlineData("$.name", "Acme")]
    [InlineData("name", "Acme")]
    [InlineData("$.metrics.employees", "120")]
    [InlineData("metrics.public", "false")]
    [InlineData("$.tech", "Salesforce; Slack")]
    [InlineData("$.tech[2]", "Slack")]
    [InlineData("$.offices[0].city", "Paris")]
    [InlineData("$.offices[3].city", "")]
    [InlineData("$.hq.city", "")]
    [InlineData("$.missing.deeper", "")]
    [InlineData("$.name.first", "")]
    public void Selects_values_as_text(string path, string expected)
    {
        using var json = JsonDocument.Parse(Body);
        var parsed = JsonPath.TryParse(path, out var error);
        Assert.True(parsed is not null, error);
        Assert.Equal(expected, parsed.Select(json.RootElement));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.")]
    [InlineData("$.a..b")]
    [InlineData("$.a[x]")]
    [InlineData("$.a[0")]
    [InlineData("$.a[0]b")]
    public void Refuses_paths_it_cannot_follow(string path) => Assert.Null(JsonPath.TryParse(path, out _));
}
