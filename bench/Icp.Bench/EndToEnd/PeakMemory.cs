using System.Globalization;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Peak resident set size (VmHWM) on Linux. The in-process cases reset this process's high-water mark first
/// (writing 5 to /proc/self/clear_refs), so each reports its own peak rather than the largest so far.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Resets this process's peak RSS to its current RSS; false where the kernel does not allow it.</summary>
    public static bool ResetSelf()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>This process's peak RSS in bytes.</summary>
    public static long? Self() => Read("/proc/self/status") ?? Environment.WorkingSet;

    /// <summary>A running process's peak RSS in bytes; null once it has exited.</summary>
    public static long? Of(int pid) => Read($"/proc/{pid}/status");

    private static long? Read(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        return null;
    }
}
