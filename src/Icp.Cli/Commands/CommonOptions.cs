using System.CommandLine;
using System.Globalization;
using Icp.Core;
using Icp.Core.Scoring;
using Icp.Core.Values;

namespace Icp.Cli.Commands;

/// <summary>Options several commands share, defined once so their help reads the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Profiles() => new("--profile", "-p")
    {
        Description = "Profile YAML file. Give a second --profile to score against a primary and a secondary profile; each row gets the better fit.",
        Required = true,
        Arity = new ArgumentArity(1, 2),
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> Profile() => new("--profile", "-p") { Description = "Profile YAML file.", Required = true };

    public static Option<string> Data(string what = "Accounts to score") => new("--data", "-d")
    {
        Description = $"{what}: .csv, .tsv, .parquet or .jsonl (- reads CSV from stdin).",
        Required = true,
    };

    public static Option<string> Out(string defaultValue = "-") => new("--out", "-o")
    {
        Description = "Output file; the format follows the extension (- writes CSV to stdout). Written to a temporary file and renamed, so a failed run leaves no half file.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Date that 'within' and 'older_than' count back from (YYYY-MM-DD). Default: today (UTC). Fix it to make a run reproducible.",
    };

    public static Option<int> Threads() => new("--threads", "-t")
    {
        Description = "Scoring threads (default: all cores). Output order is always the input order.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<bool> Strict() => new("--strict") { Description = "Stop at the first unparsable number, date or bool instead of counting it as missing." };
    public static Option<bool> Json() => new("--json") { Description = "Print a machine-readable JSON summary instead of tables." };
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress bar and no summary tables." };
    public static Option<string?> MinTier() => new("--min-tier") { Description = "Keep only rows in this tier or better (drops excluded rows)." };
    public static Option<int?> Top() => new("--top") { Description = "Keep only the N best-scoring rows, best first." };

    /// <summary>Column names from a repeatable option whose values may also be comma-separated (<c>--key a,b --key c</c>).</summary>
    public static List<string> ColumnList(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static ScoringOptions ScoringOptions(string? asOf, bool strict, TimeProvider clock)
    {
        if (asOf is null) return Core.Scoring.ScoringOptions.Today(clock, strict);
        if (!ValueParsers.TryParseDate(asOf, out var date) || asOf.Trim().Length != 10)
            throw new InputException($"--as-of '{asOf}' is not a date like {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return new ScoringOptions(date, strict);
    }

    public static int CheckThreads(int threads) =>
        threads is >= 1 and <= 1024 ? threads : throw new InputException($"--threads must be between 1 and 1024, got {threads}");
}
