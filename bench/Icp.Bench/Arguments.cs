using System.Globalization;

namespace Icp.Bench;

/// <summary><c>--name value</c> and <c>--flag</c> options, read once; unknown names are reported.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                throw new UsageException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            string? value = null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            parsed._values[name] = value;
        }
        return parsed;
    }

    public string? Optional(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var value)) return null;
        return value ?? throw new UsageException($"--{name} needs a value");
    }

    public string Require(string name) => Optional(name) ?? throw new UsageException($"--{name} is required");

    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var value)) return false;
        return value is null ? true : throw new UsageException($"--{name} takes no value");
    }

    /// <summary>A positive count: digits, optionally with a k or m suffix (<c>100k</c>, <c>5m</c>) or <c>_</c> separators.</summary>
    public long Count(string name, long fallback) => Optional(name) is { } text ? ParseCount(name, text) : fallback;

    public long? OptionalCount(string name) => Optional(name) is { } text ? ParseCount(name, text) : null;

    public long RequireCount(string name) => ParseCount(name, Require(name));

    public void RejectUnknown()
    {
        foreach (var name in _values.Keys)
            if (!_read.Contains(name)) throw new UsageException($"unknown option --{name}");
    }

    private static long ParseCount(string name, string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        var scale = s.EndsWith('k') ? 1_000L : s.EndsWith('m') ? 1_000_000L : 1L;
        if (scale != 1) s = s[..^1];
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new UsageException($"--{name} must be a positive whole number (100000, 100k, 5m), got '{text}'");
        return value * scale;
    }
}
