using System.CommandLine;
using Spectre.Console;
using Icp.Cli.Terminal;
using Icp.Core.Filtering;

namespace Icp.Cli.Commands;

internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var profiles = CommonOptions.Profiles();
        var data = CommonOptions.Data();
        var output = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var threads = CommonOptions.Threads();
        var strict = CommonOptions.Strict();
        var minTier = CommonOptions.MinTier();
        var top = CommonOptions.Top();
        var dropExcluded = new Option<bool>("--drop-excluded") { Description = "Leave excluded rows out of the output." };
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("score", """
            Score accounts: writes the input columns plus icp_score (0-100), icp_tier, icp_excluded and icp_reasons
            (and icp_<group> sub-scores, icp_profile with two profiles, icp_persona for contact rows).

            Examples:
              icp score -p samples/profiles/maven-mid-market.yaml -d samples/maven-crm/accounts.csv -o scored.csv
              icp score -p a.yaml -p b.yaml -d accounts.parquet -o scored.parquet --min-tier B
              cat leads.csv | icp score -p profile.yaml -d - --as-of 2026-01-31 > scored.csv
            """) { profiles, data, output, asOf, threads, strict, minTier, top, dropExcluded, json, quiet };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            var isQuiet = parse.GetValue(quiet) || parse.GetValue(json);
            var loaded = ScoringRun.LoadProfiles(console, parse.GetValue(profiles)!, showWarnings: !isQuiet);
            var request = new ScoringRequest(
                loaded, parse.GetValue(data)!, outPath,
                CommonOptions.ScoringOptions(parse.GetValue(asOf), parse.GetValue(strict), console.Clock),
                CommonOptions.CheckThreads(parse.GetValue(threads)),
                new SelectionOptions(parse.GetValue(dropExcluded), parse.GetValue(minTier), parse.GetValue(top)),
                ShowProgress: !isQuiet);
            var outcome = ScoringRun.Execute(console, request);
            ScoringRun.Report(console, request, outcome, parse.GetValue(json), parse.GetValue(quiet), showTiers: true);
            return ExitCodes.Ok;
        });
        return command;
    }
}
