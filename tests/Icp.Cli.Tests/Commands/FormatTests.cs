using System.Diagnostics;
using Icp.Cli.Tests.Support;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

/// <summary>Scoring reads and writes every supported format, and pipes through stdin and stdout.</summary>
public sealed class FormatTests
{
    private static string[] Column(string path, string column)
    {
        using var reader = TableReaders.Open(path);
        var index = reader.Columns.ToList().IndexOf(column);
        var batch = new Core.Tables.RowBatch(reader.Columns.Count);
        var values = new List<string>();
        while (reader.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++) values.Add(batch[r, index].ToString());
        return [.. values];
    }

    [Theory]
    [InlineData("scored.parquet")]
    [InlineData("scored.jsonl")]
    [InlineData("scored.tsv")]
    public void Csv_in_any_format_out_gives_the_same_scores(string output)
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("scored.csv"), "--as-of", "2026-06-30", "-q").ExitCode);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File(output), "--as-of", "2026-06-30", "-q");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Column(dir.File("scored.csv"), "icp_reasons"), Column(dir.File(output), "icp_reasons"));
        Assert.Equal(Column(dir.File("scored.csv"), "icp_score"), Column(dir.File(output), "icp_score"));
    }

    [Fact]
    public void Parquet_input_scores_like_the_csv_it_came_from()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("scored.csv"), "--as-of", "2026-06-30", "-q").ExitCode);
        using (var reader = TableReaders.Open(data))
        using (var writer = TableWriters.Create(dir.File("accounts.parquet"), reader.Columns))
        {
            var batch = new Core.Tables.RowBatch(reader.Columns.Count);
            while (reader.ReadBatch(batch)) writer.Write(batch, null);
            writer.Commit();
        }
        var result = IcpCli.Run("score", "-p", profile, "-d", dir.File("accounts.parquet"), "-o", dir.File("from-parquet.csv"), "--as-of", "2026-06-30", "-q");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(dir.File("scored.csv")), File.ReadAllText(dir.File("from-parquet.csv")));
    }

    [Fact]
    public async Task Stdin_to_stdout_pipes_csv_and_keeps_the_summary_off_stdout()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var icp = Path.Combine(AppContext.BaseDirectory, "icp.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", icp, "score", "-p", profile, "-d", "-", "--as-of", "2026-06-30"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var cancel = TestContext.Current.CancellationToken;
        await process.StandardInput.WriteAsync((Samples.Accounts + "\n").AsMemory(), cancel);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        Assert.True(process.ExitCode == 0, await stderr);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("name,domain,industry", lines[0]);
        Assert.Contains(",100,A,false,", lines[1]);
        Assert.Contains("Accounts by tier", await stderr);
    }
}
