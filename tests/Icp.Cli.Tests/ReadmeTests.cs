using System.Text.RegularExpressions;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests;

/// <summary>The README's tour is executed: every <c>$ icp ...</c> line in it must run and succeed.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] OutputOptions = ["-o", "--out", "--out-dir"];

    public static TheoryData<string> TourCommands()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        return [.. CommandLine().Matches(readme).Select(m => m.Groups[1].Value.Trim())];
    }

    [Theory]
    [MemberData(nameof(TourCommands))]
    public void Readme_command_runs(string commandLine)
    {
        using var dir = new TempDirectory();
        var args = Split(commandLine).ToArray();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0 && OutputOptions.Contains(args[i - 1])) args[i] = dir.File(Path.GetFileName(args[i]) is { Length: > 0 } name ? name : "out");
            else if (args[i].StartsWith("samples/", StringComparison.Ordinal) || args[i].StartsWith("bench/", StringComparison.Ordinal)) args[i] = Repository.File(args[i]);
        }
        var result = IcpCli.Run(args);
        Assert.True(result.ExitCode == 0, $"{commandLine}\n{result}");
    }

    [Fact]
    public void Readme_gives_the_two_setup_commands()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        Assert.Contains("dotnet run --project src/Icp.Cli -- demo", readme);
        Assert.Contains("dotnet test", readme);
        Assert.Contains("dotnet test", File.ReadAllText(Repository.File(".ci", "run")));
    }

    private static IEnumerable<string> Split(string line)
    {
        foreach (Match m in Token().Matches(line))
            yield return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
    }

    [GeneratedRegex(@"^\$ icp (.+)$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex Token();
}
