using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_by_id_shows_every_criterion_with_its_value_and_points()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("explain", "-p", profile, "-d", data, "--id", "beta", "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("score 50, tier B", result.Out);
        Assert.Contains("signal: last_funding within 18 months", result.Out);
        Assert.Contains("2020-05-01", result.Out);
        Assert.Contains("-10", result.Out);
    }

    [Fact]
    public void Explain_by_row_as_json_names_the_disqualifier_reason()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("explain", "-p", profile, "-d", data, "--row", "3", "--json", "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("excluded").GetBoolean());
        Assert.Equal("excluded: industry=Government (slow procurement)", json.RootElement.GetProperty("reasons").GetString());
    }

    [Fact]
    public void Explain_needs_exactly_one_of_row_and_id()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        Assert.Equal(2, IcpCli.Run("explain", "-p", profile, "-d", data).ExitCode);
        Assert.Equal(2, IcpCli.Run("explain", "-p", profile, "-d", data, "--row", "1", "--id", "Acme").ExitCode);
    }

    [Fact]
    public void Explain_of_a_row_past_the_end_says_how_many_rows_there_are()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("explain", "-p", profile, "-d", data, "--row", "99");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has 6 data rows", result.Err);
    }
}

public sealed class FilterCommandTests
{
    [Fact]
    public void Filter_dedupes_by_domain_drops_excluded_and_prints_the_funnel()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("filter", "-p", profile, "-d", data, "-o", dir.File("targets.csv"), "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        var names = File.ReadAllLines(dir.File("targets.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(["Acme", "Beta", "Plain"], names); // AcmeDup shares acme.com; Gov and Tiny are excluded
        Assert.Contains("6 → 3", result.Out);
        Assert.Contains("duplicate domain", result.Out);
        Assert.Contains("industry=Government (slow procurement)", result.Out);
    }

    [Fact]
    public void Filter_json_reports_each_step()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("filter", "-p", profile, "-d", data, "-o", dir.File("t.csv"), "--as-of", "2026-06-30", "--top", "1", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var funnel = json.RootElement.GetProperty("funnel");
        Assert.Equal(6, funnel.GetProperty("rows_in").GetInt32());
        Assert.Equal(1, funnel.GetProperty("rows_out").GetInt32());
        var steps = funnel.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("removed").GetInt32());
        Assert.Equal(1, steps["duplicate domain"]);
        Assert.Equal(1, steps["fails employees 50-5000"]);
        Assert.Equal(2, steps["beyond the top 1"]);
    }
}

public sealed class PersonasCommandTests
{
    [Fact]
    public void Personas_shows_which_accounts_lack_which_persona()
    {
        using var dir = new TempDirectory();
        var profile = dir.Write("p.yaml", """
            icp: personas
            version: 1
            signals:
              - industry: [Software]
                points: 10
            personas:
              economic_buyer:
                title: { matches: "(?i)\\b(cfo|vp finance)\\b" }
              champion:
                title: { matches: "(?i)revops" }
            """);
        var contacts = dir.Write("contacts.csv", "account,name,title\nAcme,Ann,CFO\nAcme,Bob,RevOps Manager\nBeta,Cid,Engineer\nBeta,Dee,VP Finance\n");
        var result = IcpCli.Run("personas", "-p", profile, "-c", contacts, "-o", dir.File("matched.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 of 2 accounts have a contact for every persona", result.Out);
        var matched = File.ReadAllLines(dir.File("matched.csv"));
        Assert.Equal("account,name,title,icp_persona", matched[0]);
        Assert.Equal(["economic_buyer", "champion", "", "economic_buyer"], matched.Skip(1).Select(l => l.Split(',')[^1]));
    }
}

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_scores_the_bundled_sample_and_explains_accounts()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("demo", "--out-dir", dir.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Accounts by tier", result.Out);
        Assert.Contains("Funnel", result.Out);
        Assert.Contains("best:", result.Out);
        Assert.Contains("excluded:", result.Out);
        Assert.True(File.ReadAllLines(dir.File("scored.csv")).Length > 1000);
        Assert.InRange(File.ReadAllLines(dir.File("targets.csv")).Length, 2, 51);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var result = IcpCli.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "demo", "validate", "score", "explain", "filter", "personas" })
            Assert.Contains(command, result.Out);
    }
}

public sealed class FilterFreeMailTests
{
    [Fact]
    public void Filter_keeps_leads_that_share_only_a_free_mail_domain()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var data = dir.Write("leads.csv", """
            name,email,industry,employees,country,tech,last_funding
            Ann,ann@gmail.com,Software,300,US,Salesforce,2026-01-15
            Bob,bob@gmail.com,Fintech,120,US,HubSpot,2026-01-15
            Cid,cid@acme.com,Software,300,US,Salesforce,2026-01-15
            Dee,dee@acme.com,Software,300,US,Salesforce,2026-01-15
            """ + "\n");
        var result = IcpCli.Run("filter", "-p", profile, "-d", data, "-o", dir.File("t.csv"), "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Ann", "Bob", "Cid"], File.ReadAllLines(dir.File("t.csv")).Skip(1).Select(l => l.Split(',')[0]));
    }
}
