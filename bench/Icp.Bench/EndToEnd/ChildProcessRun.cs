using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Runs a command as a child process and measures it from the outside: wall time around the process, and
/// peak RSS from <c>/usr/bin/time -v</c> ("Maximum resident set size") when it is installed, otherwise by
/// polling the child's VmHWM (which can miss growth in the last few milliseconds before it exits).
/// </summary>
internal static class ChildProcessRun
{
    private const string GnuTime = "/usr/bin/time";
    private const int OutputLinesKept = 40;

    public static bool HasGnuTime => File.Exists(GnuTime);

    public static RunSample Measure(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var timeReport = HasGnuTime ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo
        {
            FileName = timeReport is null ? fileName : GnuTime,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timeReport is not null)
        {
            foreach (var a in new[] { "-v", "-o", timeReport, fileName }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        var output = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > OutputLinesKept) output.Dequeue();
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"cannot start {start.FileName}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long? polledPeak = null;
        if (timeReport is null)
        {
            while (!process.WaitForExit(5))
                if (PeakMemory.Of(process.Id) is { } peak) polledPeak = Math.Max(polledPeak ?? 0, peak);
        }
        process.WaitForExit();
        var elapsed = watch.Elapsed;

        try
        {
            if (process.ExitCode != 0)
            {
                string tail;
                lock (output) tail = string.Join(Environment.NewLine, output);
                throw new BenchmarkFailedException(
                    $"'{fileName} {string.Join(' ', arguments)}' exited with code {process.ExitCode}:{Environment.NewLine}{tail}");
            }
            var peakRss = timeReport is null ? polledPeak : MaximumResidentSetSize(File.ReadAllText(timeReport, Encoding.UTF8));
            return new RunSample(elapsed, peakRss);
        }
        finally
        {
            if (timeReport is not null) File.Delete(timeReport);
        }
    }

    /// <summary>The command's standard output, for short commands such as <c>dotnet --version</c>; null when it fails.</summary>
    public static string? Capture(string fileName, string arguments, string workingDirectory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static long? MaximumResidentSetSize(string report)
    {
        const string key = "Maximum resident set size (kbytes):";
        foreach (var line in report.Split('\n'))
        {
            var i = line.IndexOf(key, StringComparison.Ordinal);
            if (i >= 0 && long.TryParse(line[(i + key.Length)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                return kb * 1024;
        }
        return null;
    }
}
