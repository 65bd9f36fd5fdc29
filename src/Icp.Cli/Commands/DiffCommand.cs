using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Comparison;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Cli.Commands;

internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var before = new Argument<string>("before") { Description = "The current profile (YAML)." };
        var after = new Argument<string>("after") { Description = "The proposed profile (YAML)." };
        var data = new Option<string?>("--data", "-d") { Description = "Score these accounts with both versions and show how they move between tiers and in or out of the ICP." };
        var idColumn = new Option<string?>("--id-column") { Description = "Column that names a row in the examples (default: the first column)." };
        var examples = new Option<int>("--examples") { Description = "Example rows per kind of move (default 5).", DefaultValueFactory = _ => 5 };
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("diff", """
            What changed between two profile versions, criterion by criterion (hard filters, disqualifiers, signals,
            tiers, groups, fields, personas). With --data, how accounts move: a tier transition matrix, the accounts
            that enter or leave the ICP, and the largest score changes.

            Example: icp diff old.yaml new.yaml --data samples/maven-crm/accounts.csv
            """) { before, after, data, idColumn, examples, asOf, json };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(examples);
            if (count is < 0 or > 1000) throw new UsageException($"--examples must be between 0 and 1000, got {count}");
            var profiles = ScoringRun.LoadProfiles(console, [parse.GetValue(before)!, parse.GetValue(after)!], showWarnings: false);
            var diff = ProfileDiff.Compare(profiles[0], profiles[1]);
            TierTransitions? moves = null;
            if (parse.GetValue(data) is { } path)
            {
                using var reader = TableReaders.Open(path);
                var options = CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock);
                moves = Transitions(reader, profiles[0], profiles[1], options, parse.GetValue(idColumn), count);
            }
            if (parse.GetValue(json)) Render.WriteJson(console.Output, DiffRender.Json(diff, moves));
            else DiffRender.Tables(console.Out, diff, moves);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static TierTransitions Transitions(ITableReader reader, Core.Profiles.Profile before, Core.Profiles.Profile after, ScoringOptions options, string? idColumn, int examples)
    {
        var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
        var old = CompiledProfile.Compile(before, resolver, options).CreateEvaluator();
        var proposed = CompiledProfile.Compile(after, resolver, options).CreateEvaluator();
        var id = 0;
        if (idColumn is not null && (id = resolver.Find(idColumn)) < 0)
            throw new InputException($"--id-column '{idColumn}' is not a column of {reader.SourceName}{DidYouMean.Hint(idColumn, reader.Columns)}", new SourceLocation(reader.SourceName, 1));
        var moves = new TierTransitions(before, after, examples);
        var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
        while (reader.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++)
                moves.Add(batch[r, id].ToString(), batch.LineOf(r), old.Evaluate(batch, r), proposed.Evaluate(batch, r));
        return moves;
    }
}
