using Icp.Data.Enrichment;
using Spectre.Console;

namespace Icp.Cli.Terminal;

/// <summary>What the providers did: match rate, cache hits, calls and failures per provider, and who filled each field.</summary>
internal static class EnrichmentReport
{
    public static void Tables(IAnsiConsole console, ProviderWaterfall waterfall, EnrichedTableReader reader)
    {
        var providers = new Table().Border(TableBorder.Rounded).Title("[bold]Providers[/] (in priority order)");
        providers.AddColumn("provider");
        providers.AddColumn(new TableColumn("asked").RightAligned());
        providers.AddColumn(new TableColumn("matched").RightAligned());
        providers.AddColumn(new TableColumn("match rate").RightAligned());
        providers.AddColumn(new TableColumn("cache hits").RightAligned());
        providers.AddColumn(new TableColumn("calls").RightAligned());
        providers.AddColumn("failures");
        foreach (var s in waterfall.Stats)
        {
            providers.AddRow(
                Markup.Escape(s.Name), $"{s.Asked:N0}", $"{s.Matched:N0}", $"{s.MatchRate:P1}",
                s.Provider.IsRemote ? $"{s.CacheHits:N0}" : "-", s.Provider.IsRemote ? $"{s.Calls:N0}" : "-", Markup.Escape(Failures(s)));
        }
        console.Write(providers);

        var fields = new Table().Border(TableBorder.Rounded).Title("[bold]Fields[/] (cells filled)");
        fields.AddColumn("field");
        fields.AddColumn(new TableColumn("filled").RightAligned());
        fields.AddColumn("from");
        for (var f = 0; f < waterfall.Fields.Count; f++)
        {
            var field = f;
            var total = waterfall.Stats.Sum(s => s.FilledOf(field));
            var from = string.Join(", ", waterfall.Stats.Where(s => s.FilledOf(field) > 0).Select(s => $"{s.Name} {s.FilledOf(field):N0}"));
            fields.AddRow(Markup.Escape(waterfall.Fields[f]), $"{total:N0}", Markup.Escape(from));
        }
        console.Write(fields);
        if (reader.KeptUserValues > 0)
            console.WriteLine($"kept {reader.KeptUserValues:N0} values the input already had (--overwrite lets providers replace them)");
        var failed = waterfall.Stats.Where(s => s.Failed > 0).ToList();
        var failures = failed.Sum(s => s.Failed);
        if (failures > 0)
            console.MarkupLine($"[yellow]{failures:N0} {(failures == 1 ? "lookup" : "lookups")} failed[/] ({Markup.Escape(string.Join("; ", failed.Select(s => $"{s.Name}: {Failures(s)}")))}); those rows fell through to the next provider");
        if (waterfall.Cache is { } cache) console.MarkupLine($"cache: [bold]{Markup.Escape(cache.Path)}[/]");
    }

    public static object Json(ProviderWaterfall waterfall, EnrichedTableReader reader) => new
    {
        kept_user_values = reader.KeptUserValues,
        cache = waterfall.Cache?.Path,
        providers = waterfall.Stats.Select(s => new
        {
            name = s.Name, remote = s.Provider.IsRemote, asked = s.Asked, matched = s.Matched, match_rate = s.MatchRate,
            cache_hits = s.CacheHits, calls = s.Calls, failures = s.Failures,
        }),
        fields = waterfall.Fields.Select((name, f) => new
        {
            field = name, filled = waterfall.Stats.Sum(s => s.FilledOf(f)),
            from = waterfall.Stats.Where(s => s.FilledOf(f) > 0).ToDictionary(s => s.Name, s => s.FilledOf(f)),
        }),
    };

    private static string Failures(ProviderStats stats) =>
        string.Join(", ", stats.Failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value:N0}"));
}
