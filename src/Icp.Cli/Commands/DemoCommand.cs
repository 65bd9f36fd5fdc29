using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Filtering;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Spectre.Console;

namespace Icp.Cli.Commands;

/// <summary>
/// A guided run on the bundled real data: validate a sample profile, score the Crunchbase 2013 slice, show the
/// tiers, build a target list with its funnel, and explain a few accounts.
/// </summary>
internal static class DemoCommand
{
    private const string ProfileFile = "profiles/venture-backed-saas.yaml";
    private const string DataFile = "crunchbase/companies.csv";
    private static readonly DateOnly AsOf = new(2013, 10, 31); // the export's date: the data's "today"

    public static Command Create(CliConsole console)
    {
        var outDir = new Option<string>("--out-dir") { Description = "Where the demo writes scored.csv and targets.csv.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "icp-demo") };
        var threads = CommonOptions.Threads();
        var command = new Command("demo", """
            Score a real sample (2,888 companies from the Crunchbase 2013 export, CC-BY) against the sample
            profile samples/profiles/venture-backed-saas.yaml: tiers, a target-list funnel and explained accounts.
            """) { outDir, threads };
        command.SetAction(parse => Run(console, parse.GetValue(outDir)!, CommonOptions.CheckThreads(parse.GetValue(threads))));
        return command;
    }

    /// <summary>The samples: ./samples when run from the repository (shorter paths to show), else the copy next to the executable.</summary>
    public static string SamplesDirectory()
    {
        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "samples"), Path.Combine(AppContext.BaseDirectory, "samples") })
            if (File.Exists(Path.Combine(candidate, ProfileFile))) return candidate;
        throw new InputException($"the bundled samples are missing: expected {Path.Combine(AppContext.BaseDirectory, "samples", ProfileFile)}");
    }

    private static int Run(CliConsole console, string outDir, int threads)
    {
        var samples = SamplesDirectory();
        var profilePath = Path.Combine(samples, ProfileFile);
        var dataPath = Path.Combine(samples, DataFile);
        Directory.CreateDirectory(outDir);
        var scoredPath = Path.Combine(outDir, "scored.csv");
        var targetsPath = Path.Combine(outDir, "targets.csv");
        var options = new ScoringOptions(AsOf);
        var output = console.Out;

        output.Write(new Rule("[bold]icp demo[/]").LeftJustified());
        var profile = ScoringRun.LoadProfiles(console, [profilePath], showWarnings: false)[0];
        output.MarkupLine($"Profile [bold]{Markup.Escape(profile.Name)}[/] v{profile.Version}: {Markup.Escape(profile.Description ?? "")}");
        output.MarkupLine($"  {profile.Must.Length} hard filters, {profile.Exclude.Length} disqualifiers, {profile.Signals.Length} signals in {profile.Groups.Length} groups; tiers {string.Join(", ", profile.Tiers.Tiers.Select(t => $"{t.Name} >= {t.Minimum}"))}");
        output.MarkupLine($"Data: [bold]{Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), dataPath))}[/] (Crunchbase export of October 2013, CC-BY), scored as of {AsOf:yyyy-MM-dd}");
        output.WriteLine();

        var scored = ScoringRun.Execute(console, new ScoringRequest([profile], dataPath, scoredPath, options, threads, new SelectionOptions()));
        Render.Tiers(output, scored.Result.Summary);
        Render.ExclusionCauses(output, scored.Result.Summary);
        output.MarkupLine($"Scored file: [bold]{Markup.Escape(scoredPath)}[/]");
        output.WriteLine();

        var targets = ScoringRun.Execute(console, new ScoringRequest([profile], dataPath, targetsPath, options, threads,
            new SelectionOptions(DropExcluded: true, MinTier: "B", Top: 50)));
        output.MarkupLine("[bold]A target list[/]: excluded accounts dropped, tier B or better, top 50 by score");
        Render.Funnel(output, targets.Funnel);
        output.MarkupLine($"Target list: [bold]{Markup.Escape(targetsPath)}[/]");
        output.WriteLine();

        ExplainExamples(output, profile, dataPath, options);

        output.Write(new Rule("[bold]next[/]").LeftJustified());
        output.MarkupLine("  icp validate samples/profiles/maven-mid-market.yaml --data samples/maven-crm/accounts.csv");
        output.MarkupLine("  icp score -p samples/profiles/maven-mid-market.yaml -d samples/maven-crm/accounts.csv -o scored.csv");
        output.MarkupLine("  icp personas -p samples/profiles/maven-mid-market.yaml -c samples/contacts/contacts.csv");
        output.MarkupLine("  icp --help");
        return ExitCodes.Ok;
    }

    /// <summary>Explains the best account, one in the lowest tier and one excluded account.</summary>
    private static void ExplainExamples(IAnsiConsole output, Core.Profiles.Profile profile, string dataPath, ScoringOptions options)
    {
        using var reader = TableReaders.Open(dataPath);
        var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
        var evaluator = CompiledProfile.Compile(profile, resolver, options).CreateEvaluator();
        var name = Math.Max(0, resolver.Find("name"));
        var batch = new RowBatch(reader.Columns.Count, 1 << 16);
        var picks = new Dictionary<string, (int Row, int Score)>();
        var floor = profile.Tiers.Tiers.Length;
        while (reader.ReadBatch(batch))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                var result = evaluator.Evaluate(batch, r);
                var key = result.Excluded ? "excluded" : result.Tier == 0 ? "best" : result.Tier == floor ? "lowest tier" : null;
                if (key is null) continue;
                if (!picks.TryGetValue(key, out var pick) || (key == "best" && result.Score > pick.Score)) picks[key] = (r, result.Score);
            }
            // The sample fits one batch; explaining needs the rows still in it.
            foreach (var key in new[] { "best", "lowest tier", "excluded" })
                if (picks.TryGetValue(key, out var pick))
                {
                    Render.Explanation(output, $"{key}: {batch[pick.Row, name].ToString()}", evaluator.Explain(batch, pick.Row));
                    output.WriteLine();
                }
            return;
        }
    }
}
