using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    public static TheoryData<string> SampleProfiles() =>
        [.. Directory.EnumerateFiles(Repository.File("samples", "profiles"), "*.yaml").Concat(Directory.EnumerateFiles(Repository.File("bench", "profiles"), "*.yaml")).Select(Path.GetFullPath)];

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void Every_sample_profile_is_valid(string path)
    {
        var result = IcpCli.Run("validate", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("valid", result.Out);
    }

    [Fact]
    public void Errors_carry_file_line_and_column_and_exit_1()
    {
        using var dir = new TempDirectory();
        var profile = dir.Write("p.yaml", "icp: x\nversion: 1\nsignls:\n  - industry: [Software]\n    points: 5\n");
        var result = IcpCli.Run("validate", profile);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("p.yaml:3:1: error: unknown top-level key 'signls' — did you mean 'signals'?", result.Err);
    }

    [Fact]
    public void With_data_it_warns_that_a_profile_is_too_broad_and_a_signal_never_holds()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("a.csv", "industry,employees\nSoftware,100\nRetail,200\nSoftware,300\nBanking,400\nSoftware,500\n");
        var profile = dir.Write("p.yaml", """
            icp: broad
            version: 1
            must:
              - employees: { gte: 10 }
            signals:
              - industry: [Software]
                points: 10
              - industry: [Aerospace]
                points: 5
            """);
        var result = IcpCli.Run("validate", profile, "--data", data);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("too broad: 100% of 5 rows", result.Err);
        Assert.Contains("industry=Aerospace' never holds", result.Err);
    }

    [Fact]
    public void With_data_a_misspelt_column_is_an_error_with_a_suggestion()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("a.csv", "industry,employees\nSoftware,100\n");
        var profile = dir.Write("p.yaml", "icp: x\nversion: 1\nsignals:\n  - industy: [Software]\n    points: 5\n");
        var result = IcpCli.Run("validate", profile, "--data", data);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did you mean 'industry'", result.Err);
    }

    [Fact]
    public void Json_lists_diagnostics_with_locations()
    {
        using var dir = new TempDirectory();
        var profile = dir.Write("p.yaml", "icp: x\nversion: 1\nsignals:\n  - employees: { gt: many }\n    points: 5\n");
        var result = IcpCli.Run("validate", profile, "--json");
        Assert.Equal(1, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var d = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(4, d.GetProperty("line").GetInt32());
        Assert.Equal(22, d.GetProperty("column").GetInt32());
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
    }
}
