using System.Diagnostics;
using System.Globalization;
using System.Text;
using Icp.Bench.Generation;
using Icp.Core.Normalisation;
using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Enrichment against plain scoring, on the same generated file in the same run: (s) <c>icp score</c>,
/// (e) <c>icp score --enrich</c> with a local reference provider (normalisers + waterfall + scoring) and
/// (n) <c>icp enrich --providers</c> (normalise and enrich, no scoring) and (z) <c>icp enrich</c> (normalise only). The reference file holds the
/// <c>--reference</c> most frequent company domains of the data with synthetic firmographics, so most rows hit.
/// Goal: (e) takes less than twice (s).
/// </summary>
internal static class EnrichBenchmark
{
    public static int Run(Arguments arguments)
    {
        var settings = EndToEndSettings.From(arguments, report: "enrich");
        var referenceRows = (int)arguments.Count("reference", 100_000);
        arguments.RejectUnknown();
        var machine = MachineInfo.Current(settings.RepositoryRoot);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!File.Exists(settings.IcpDll))
            throw new BenchmarkFailedException($"icp CLI not found at {settings.IcpDll}: build it with `dotnet build -c Release src/Icp.Cli`");
        Directory.CreateDirectory(settings.DataDirectory);
        var data = settings.DataFile(settings.Rows);
        if (!(settings.ReuseData && File.Exists(data)))
        {
            Log($"generating {settings.Rows:N0} rows into {data} ...");
            AccountTableGenerator.WriteFile(data, settings.Rows, settings.Seed);
        }
        var reference = Path.Combine(settings.DataDirectory, $"enrich-reference-{EndToEndSettings.RowsLabel(referenceRows)}.csv");
        var (written, coveredRows) = WriteReference(data, reference, referenceRows);
        Log($"reference: {written:N0} domains covering {coveredRows:N0} of {settings.Rows:N0} rows");
        var providers = Path.Combine(settings.DataDirectory, "enrich-providers.yaml");
        File.WriteAllText(providers, $"""
            providers:
              - name: reference
                type: reference
                file: {Path.GetFileName(reference)}
                domain_column: domain
                fields:
                  funding_stage: funding_stage
                  hq_city: hq_city
                  headcount_band: headcount_band
                  crm: crm
            """);

        var inputBytes = new FileInfo(data).Length;
        var output = Path.Combine(settings.DataDirectory, "enrich-out.csv");
        string[] Score(params string[] extra) =>
            [settings.IcpDll, "score", "--profile", settings.Profile, "--data", data, "--out", output, "--as-of", EndToEndSettings.AsOf,
             "--threads", "1", "--quiet", .. extra];
        var cases = new List<CaseResult>
        {
            Case("s", "`icp score --threads 1` (child process)", settings, inputBytes, Score()),
            Case("e", "`icp score --threads 1 --enrich enrich-providers.yaml`: normalisers + reference provider + scoring", settings, inputBytes, Score("--enrich", providers)),
            Case("n", "`icp enrich --providers enrich-providers.yaml --country-column none`: normalisers + reference provider, no scoring", settings, inputBytes,
                [settings.IcpDll, "enrich", "--data", data, "--providers", providers, "--out", output, "--quiet", "--country-column", "none"]),
            Case("z", "`icp enrich --country-column none`: normalisers only, no provider, no scoring", settings, inputBytes,
                [settings.IcpDll, "enrich", "--data", data, "--out", output, "--quiet", "--country-column", "none"]),
        };
        if (!settings.KeepOutputs) File.Delete(output);

        var report = Report(settings, machine, date, cases, referenceRows, written, coveredRows, inputBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Report)!);
        File.WriteAllText(settings.Report, report);
        Console.WriteLine(report);
        Log($"wrote {settings.Report}");
        return 0;
    }

    private static CaseResult Case(string id, string description, EndToEndSettings settings, long inputBytes, string[] arguments)
    {
        var runs = new List<RunSample>();
        for (var i = 1; i <= settings.Repeats; i++)
        {
            var sample = ChildProcessRun.Measure(MachineInfo.DotnetHost(), arguments, settings.RepositoryRoot);
            runs.Add(sample);
            Log($"({id}) run {i}/{settings.Repeats}: {sample.Elapsed.TotalSeconds:N3} s");
        }
        return new CaseResult(id, description, settings.Rows, inputBytes, runs, null);
    }

    /// <summary>The <paramref name="count"/> most frequent company domains of the data, each with made-up firmographics.</summary>
    private static (int Written, long CoveredRows) WriteReference(string data, string path, int count)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var reader = TableReaders.Open(data))
        {
            var domainColumn = reader.Columns.ToList().IndexOf("domain");
            var batch = new RowBatch(reader.Columns.Count, 4096);
            while (reader.ReadBatch(batch))
                for (var row = 0; row < batch.Count; row++)
                    if (Domains.Parse(batch[row, domainColumn]) is { IsCompany: true } domain)
                        rows[domain.Registrable] = rows.GetValueOrDefault(domain.Registrable) + 1;
        }
        var chosen = rows.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(count).ToList();
        var random = new Random(7);
        string[] stages = ["Seed", "Series A", "Series B", "Series C", "Growth", "Public", ""];
        string[] cities = ["London", "Austin", "Berlin", "Paris", "Toronto", "Sydney", "Dublin", "Stockholm", ""];
        string[] bands = ["1-10", "11-50", "51-200", "201-500", "501-1,000", "1,001-5,000", "5,000+"];
        string[] crms = ["Salesforce", "HubSpot", "Microsoft Dynamics", "Pipedrive", "Zoho CRM", ""];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("domain,funding_stage,hq_city,headcount_band,crm\n");
        // Written in name order, not frequency order, so the file says nothing about which domains are common.
        foreach (var (domain, _) in chosen.OrderBy(c => c.Key, StringComparer.Ordinal))
            writer.Write($"{domain},{stages[random.Next(stages.Length)]},{cities[random.Next(cities.Length)]},\"{bands[random.Next(bands.Length)]}\",{crms[random.Next(crms.Length)]}\n");
        return (chosen.Count, chosen.Sum(c => c.Value));
    }

    private static string Report(EndToEndSettings settings, MachineInfo machine, string date, List<CaseResult> cases, int referenceRows, int written, long covered, long inputBytes)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = cases[0];
        var text = new StringBuilder();
        text.AppendLine(inv, $"# icp enrichment benchmark, {date}");
        text.AppendLine();
        text.AppendLine(inv, $"Input: `{Path.GetRelativePath(settings.RepositoryRoot, settings.DataFile(settings.Rows))}`, {settings.Rows:N0} rows, {inputBytes / 1e6:N1} MB (`Icp.Bench generate --rows {settings.Rows} --seed {settings.Seed}`). " +
            $"Profile `bench/profiles/bench.yaml`, `--as-of {EndToEndSettings.AsOf}`, `--threads 1`. Reference provider: a CSV of the {written:N0} most frequent company domains of the input " +
            $"(asked for {referenceRows:N0}) with four synthetic fields; {covered:N0} rows ({(double)covered / settings.Rows:P1}) have one of those domains. " +
            $"Best of {settings.Repeats} run(s) per case, each a child process (start-up included).");
        text.AppendLine();
        text.AppendLine("| case | best (s) | all runs (s) | rows/s | time ratio vs (s) |");
        text.AppendLine("|---|---:|---|---:|---:|");
        foreach (var c in cases)
        {
            text.AppendLine(inv, $"| ({c.Id}) {c.Description} | {c.Best.TotalSeconds:N3} | {string.Join(", ", c.Runs.Select(r => r.Elapsed.TotalSeconds.ToString("N3", inv)))} | {c.RowsPerSecond:N0} | {c.Best / s.Best:N2} |");
        }
        text.AppendLine();
        text.AppendLine(inv, $"- (e)/(s) time = {cases[1].Best / s.Best:N2} (goal < 2: enrichment from a local reference adds less than 2x to scoring)");
        text.AppendLine(inv, $"- (e) throughput as a ratio of (s): {cases[1].RowsPerSecond / s.RowsPerSecond:N2}");
        text.AppendLine(inv, $"- the provider's own share, (n)/(z) time = {cases[2].Best / cases[3].Best:N2}: the rest of (e) over (s) is the normalisers and the wider output");
        text.AppendLine();
        text.AppendLine(inv, $"Machine: {machine.Cores} cores (`nproc`), {machine.Cpu}, {machine.Memory} RAM, {machine.OperatingSystem}; `dotnet --version` {machine.DotnetSdk} ({machine.Runtime}); {date}.");
        text.AppendLine();
        text.AppendLine(inv, $"Command: `dotnet run -c Release --project bench/Icp.Bench -- enrich --rows {settings.Rows} --reference {referenceRows} --repeats {settings.Repeats}{(settings.ReuseData ? " --reuse-data" : "")} --out {Path.GetRelativePath(settings.RepositoryRoot, settings.Report)}`");
        return text.ToString();
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}
