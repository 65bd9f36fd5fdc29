using System.Diagnostics;
using BenchmarkDotNet.Running;
using Icp.Bench.EndToEnd;
using Icp.Bench.Generation;

namespace Icp.Bench;

/// <summary>The sub-commands of the bench tool: <c>generate</c>, <c>e2e</c> and <c>micro</c>.</summary>
internal static class BenchCommands
{
    private const string Usage = """
        usage:
          Icp.Bench generate --rows N [--seed 42] --out FILE.csv
              writes N deterministic, realistic account rows (same seed and N: byte-identical file)
          Icp.Bench e2e --rows N [--rows2 M] [--icp PATH/icp.dll] [--out bench/results/e2e-DATE.md]
                        [--seed 42] [--threads CORES] [--repeats 3] [--reuse-data] [--keep-outputs]
                        [--profile bench/profiles/bench.yaml] [--sql bench/profiles/bench.duckdb.sql]
              end-to-end benchmark: (a) parse baseline, (b) icp score --threads 1, (c) icp score --threads CORES,
              (d) DuckDB on the same file, (e) peak memory of (c) on M rows
          Icp.Bench engines [--rows 10m] [--pg-rows 1m] [--threads CORES] [--repeats 1] [--reuse-data] [--icp PATH/icp.dll]
              which engine when: the in-process scorer vs DuckDB running the compiled SQL on one Parquet file,
              and PostgreSQL scoring a table in place (write-back and export) against a plain full-table UPDATE
          Icp.Bench enrich --rows N [--reference 100000] [--repeats 3] [--reuse-data] [--icp PATH/icp.dll]
                           [--out bench/results/enrich-DATE.md]
              (s) icp score vs (e) icp score --enrich with a local reference provider vs (n) icp enrich, same file
          Icp.Bench learn [--rows 200k] [--seed 42] [--data FILE.csv] [--out bench/results/learn-DATE.md]
              icp's learner vs ML.NET FastTree on the same generated accounts (planted outcome) and training rows
          Icp.Bench micro [BenchmarkDotNet arguments, e.g. --filter '*']
              BenchmarkDotNet micro-benchmarks
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "generate" => Generate(Arguments.Parse(args[1..])),
                "e2e" => EndToEndBenchmark.Run(EndToEndSettings.From(Arguments.Parse(args[1..]))),
                "engines" => Engines.EnginesBenchmark.Run(Arguments.Parse(args[1..])),
                "enrich" => EnrichBenchmark.Run(Arguments.Parse(args[1..])),
                "learn" => Learning.LearnBenchmark.Run(Arguments.Parse(args[1..])),
                "micro" => Micro(args[1..]),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (BenchmarkFailedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Generate(Arguments arguments)
    {
        var rows = arguments.RequireCount("rows");
        var seed = (int)arguments.Count("seed", 42);
        var output = arguments.Require("out");
        arguments.RejectUnknown();
        var watch = Stopwatch.StartNew();
        AccountTableGenerator.WriteFile(output, rows, seed);
        var bytes = new FileInfo(output).Length;
        Console.WriteLine($"wrote {rows:N0} rows, {bytes / 1e6:N1} MB to {output} in {watch.Elapsed.TotalSeconds:N1} s (seed {seed})");
        return 0;
    }

    private static int Micro(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run(args);
        return 0;
    }
}

/// <summary>A command line that cannot be run as written (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A benchmark that could not complete: a failed child process, a missing file (exit code 1).</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
