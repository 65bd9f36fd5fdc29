using System.CommandLine;
using Spectre.Console;
using Icp.Cli.Terminal;
using Icp.Core.Filtering;

namespace Icp.Cli.Commands;

internal static class FilterCommand
{
    private static readonly string[] DomainColumnGuesses = ["domain", "website", "homepage_url", "url", "email", "company_domain"];

    public static Command Create(CliConsole console)
    {
        var profiles = CommonOptions.Profiles();
        var data = CommonOptions.Data("Purchased or exported list");
        var output = CommonOptions.Out();
        output.Required = true;
        var domainColumn = new Option<string?>("--domain-column") { Description = $"Column with a domain, URL or e-mail to dedupe on (default: the first of {string.Join(", ", DomainColumnGuesses)}; 'none' to skip)." };
        var top = CommonOptions.Top();
        var minTier = CommonOptions.MinTier();
        var asOf = CommonOptions.AsOf();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("filter", """
            Turn a list into a target list: dedupe by normalised domain, drop rows that fail a hard filter or meet a
            disqualifier, optionally keep tier B or better and the top N by score, and print the funnel of how many
            rows each step removed and why.

            Example: icp filter -p samples/profiles/venture-backed-saas.yaml -d samples/crunchbase/companies.csv --as-of 2013-10-31 --top 100 -o targets.csv
            """) { profiles, data, output, domainColumn, top, minTier, asOf, threads, json, quiet };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            var isQuiet = parse.GetValue(quiet) || parse.GetValue(json);
            var loaded = ScoringRun.LoadProfiles(console, parse.GetValue(profiles)!, showWarnings: !isQuiet);
            var dataPath = parse.GetValue(data)!;
            var domain = parse.GetValue(domainColumn);
            var skipDedupe = domain is not null && domain.Equals("none", StringComparison.OrdinalIgnoreCase);
            var request = new ScoringRequest(
                loaded, dataPath, outPath,
                CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock),
                CommonOptions.CheckThreads(parse.GetValue(threads)),
                new SelectionOptions(DropExcluded: true, parse.GetValue(minTier), parse.GetValue(top)),
                DomainColumn: skipDedupe ? null : domain,
                ShowProgress: !isQuiet,
                DomainColumnGuesses: domain is null ? DomainColumnGuesses : null);
            var outcome = ScoringRun.Execute(console, request);
            ScoringRun.Report(console, request, outcome, parse.GetValue(json), parse.GetValue(quiet), showTiers: false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
