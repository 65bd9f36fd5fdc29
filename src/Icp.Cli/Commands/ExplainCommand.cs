using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Cli.Commands;

internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = CommonOptions.Profile();
        var data = CommonOptions.Data("Data file");
        var row = new Option<long?>("--row", "-r") { Description = "1-based data row to explain (the first row after the header is 1)." };
        var id = new Option<string?>("--id") { Description = "Explain the first row whose id column equals this value." };
        var idColumn = new Option<string?>("--id-column") { Description = "Column --id looks in (default: the first column)." };
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("explain", """
            Show one account's full breakdown: every hard filter, disqualifier and signal, the value it saw,
            whether it held, and the points it earned.

            Example: icp explain -p samples/profiles/maven-mid-market.yaml -d samples/maven-crm/accounts.csv --id "Acme Corporation"
            """) { profile, data, row, id, idColumn, asOf, json };
        command.SetAction(parse =>
        {
            var wantedRow = parse.GetValue(row);
            var wantedId = parse.GetValue(id);
            if ((wantedRow is null) == (wantedId is null)) throw new UsageException("give exactly one of --row N or --id VALUE");
            if (wantedRow is < 1) throw new UsageException("--row counts from 1 (the first data row)");
            var loaded = ScoringRun.LoadProfiles(console, [parse.GetValue(profile)!], showWarnings: false)[0];
            using var reader = TableReaders.Open(parse.GetValue(data)!);
            var options = CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock);
            var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
            var evaluator = CompiledProfile.Compile(loaded, resolver, options).CreateEvaluator();
            var idIndex = 0;
            if (parse.GetValue(idColumn) is { } name && (idIndex = resolver.Find(name)) < 0)
                throw new InputException($"--id-column '{name}' is not a column of {reader.SourceName}{DidYouMean.Hint(name, reader.Columns)}");

            var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
            long seen = 0;
            while (reader.ReadBatch(batch))
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    seen++;
                    var match = wantedRow is { } n ? seen == n : batch[r, idIndex].Trim().Equals(wantedId, StringComparison.OrdinalIgnoreCase);
                    if (!match) continue;
                    var explanation = evaluator.Explain(batch, r);
                    var title = $"{reader.Columns[idIndex]}={batch[r, idIndex].ToString()} (row {seen}, line {batch.LineOf(r)})";
                    if (parse.GetValue(json))
                        Render.WriteJson(console.Output, new
                        {
                            row = seen, line = batch.LineOf(r), score = explanation.Result.Score, tier = explanation.TierName,
                            excluded = explanation.Result.Excluded, reasons = explanation.Reasons,
                            criteria = explanation.Criteria.Select(c => new { section = c.Section, criterion = c.Criterion, value = c.Value, outcome = c.Outcome.ToString().ToLowerInvariant(), points = c.Points, earned = c.Earned, reason = c.Reason, group = c.Group }),
                        });
                    else Render.Explanation(console.Out, title, explanation);
                    return ExitCodes.Ok;
                }
            }
            throw new InputException(wantedRow is { } w
                ? $"row {w} does not exist: {reader.SourceName} has {seen:N0} data rows"
                : $"no row of {reader.SourceName} has {reader.Columns[idIndex]} = '{wantedId}'", new SourceLocation(reader.SourceName));
        });
        return command;
    }
}
