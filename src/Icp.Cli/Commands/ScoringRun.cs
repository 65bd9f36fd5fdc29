using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Filtering;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Spectre.Console;
using Profile = Icp.Core.Profiles.Profile;

namespace Icp.Cli.Commands;

/// <summary>What a scoring run needs: the shared core of <c>score</c>, <c>filter</c> and <c>demo</c>.</summary>
internal sealed record ScoringRequest(
    IReadOnlyList<Profile> Profiles, string DataPath, string OutPath, ScoringOptions Options, int Threads,
    SelectionOptions Selection, string? DomainColumn = null, bool ShowProgress = true, IReadOnlyList<string>? DomainColumnGuesses = null,
    Func<ITableReader, ITableReader>? Enrich = null)
{
    /// <summary>True when rows may be deduped by domain: a named column, or the first of the guesses the data has.</summary>
    public bool DedupesByDomain => DomainColumn is not null || DomainColumnGuesses is not null;
}

internal sealed record ScoringOutcome(ScoringPlan Plan, PipelineResult Result, Funnel Funnel);

internal static class ScoringRun
{
    /// <summary>Loads profiles, printing warnings; throws <see cref="ProfileException"/> on errors.</summary>
    public static IReadOnlyList<Profile> LoadProfiles(CliConsole console, IEnumerable<string> paths, bool showWarnings = true)
    {
        var profiles = new List<Profile>();
        foreach (var path in paths)
        {
            var loaded = ProfileLoader.LoadFile(path);
            if (showWarnings || !loaded.Succeeded) Render.Diagnostics(console, loaded.Diagnostics);
            profiles.Add(loaded.GetProfileOrThrow());
        }
        return profiles;
    }

    /// <summary>Scores <see cref="ScoringRequest.DataPath"/> into <see cref="ScoringRequest.OutPath"/>; nothing is published unless every row went through.</summary>
    public static ScoringOutcome Execute(CliConsole console, ScoringRequest request)
    {
        var opened = TableReaders.Open(request.DataPath);
        using var reader = request.Enrich is { } enrich ? enrich(opened) : opened;
        var plan = ScoringPlan.Create(request.Profiles, reader.Columns, reader.SourceName, request.Options);
        var selection = request.Selection;
        var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
        if (request.DomainColumn is { } named)
        {
            var column = resolver.Find(named);
            if (column < 0)
                throw new InputException($"--domain-column '{named}' is not a column of {reader.SourceName}{DidYouMean.Hint(named, reader.Columns)}");
            selection = selection with { DomainColumn = column };
        }
        else if (request.DomainColumnGuesses?.Select(resolver.Find).FirstOrDefault(c => c >= 0, -1) is >= 0 and var guessed)
            selection = selection with { DomainColumn = guessed };
        using var writer = TableWriters.Create(request.OutPath, plan.OutputColumns);
        var selector = new RowSelector(plan, selection, writer);
        var result = WithProgress(console, request.ShowProgress, reader.SourceName,
            report => ScoringPipeline.Run(reader, plan, request.Threads, selector.Accept, report, prepare: selector.ParallelEncoder));
        var funnel = selector.Finish();
        writer.Commit();
        return new ScoringOutcome(plan, result, funnel);
    }

    /// <summary>Prints what a run did: a JSON summary, or tables (tiers and causes, the funnel, unreadable values) unless quiet.</summary>
    public static void Report(CliConsole console, ScoringRequest request, ScoringOutcome outcome, bool json, bool quiet, bool showTiers)
    {
        var keepsAll = request.Selection.KeepsEverything && !request.DedupesByDomain;
        if (json)
        {
            Render.WriteJson(request.OutPath == "-" ? console.Error : console.Output,
                Render.SummaryJson(outcome.Result.Summary, outcome.Result.Issues, keepsAll ? null : outcome.Funnel, request.OutPath));
            return;
        }
        if (quiet) return;
        var summary = console.Summary(request.OutPath);
        if (showTiers)
        {
            Render.Tiers(summary, outcome.Result.Summary);
            Render.ExclusionCauses(summary, outcome.Result.Summary);
        }
        if (!keepsAll) Render.Funnel(summary, outcome.Funnel);
        Render.Issues(summary, outcome.Result.Issues);
        if (request.OutPath != "-") summary.MarkupLine($"wrote {outcome.Funnel.RowsOut:N0} rows to [bold]{Markup.Escape(request.OutPath)}[/]");
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar on stderr when a person is watching; silently otherwise.</summary>
    public static T WithProgress<T>(CliConsole console, bool enabled, string what, Func<Action<double?, long>, T> work, string verb = "scoring")
    {
        if (!enabled || !console.ErrorIsTerminal) return work((_, _) => { });
        T result = default!;
        console.Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"{verb} {Path.GetFileName(what)}"), maxValue: 1.0);
                result = work((fraction, rows) =>
                {
                    if (fraction is { } f) task.Value = f; else task.IsIndeterminate = true;
                    task.Description = Markup.Escape($"{verb} {Path.GetFileName(what)} ({rows:N0} rows)");
                });
                task.Value = 1.0;
            });
        return result;
    }
}
