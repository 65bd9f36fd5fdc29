using System.Runtime.InteropServices;

namespace Icp.Bench.EndToEnd;

/// <summary>The machine a result was measured on, as the report states it.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string OperatingSystem, string DotnetSdk, string Runtime)
{
    public static MachineInfo Current(string repositoryRoot)
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:N1} GiB" : "unknown";
        var os = FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        var sdk = ChildProcessRun.Capture(DotnetHost(), "--version", repositoryRoot) ?? "unknown";
        return new(Environment.ProcessorCount, cpu, memory, kernel is null ? os : $"{os}, Linux {kernel}", sdk, RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The dotnet host that runs this process (so children use the same runtime), else <c>dotnet</c> on the PATH.</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var i = line.IndexOf(separator);
            if (i > 0 && line[..i].Trim() == key) return line[(i + 1)..].Trim();
        }
        return null;
    }
}
