using System.Text.RegularExpressions;

namespace Icp.Core.Values;

/// <summary>
/// Builds the regular expressions of <c>matches</c> criteria. The non-backtracking engine runs in time linear
/// in the input, so no pattern can hang a run and no per-match timeout is needed (a timeout costs more per
/// call than the match itself on short values). Patterns that engine cannot run (backreferences, lookarounds)
/// use the backtracking engine with <see cref="Timeout"/>.
/// </summary>
public static class ProfileRegex
{
    /// <summary>How long a backtracking <c>matches</c> regex may run on one value before it counts as unknown.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The regex for <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when the pattern is invalid.</summary>
    public static Regex Create(string pattern, bool compiled = true)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | (compiled ? RegexOptions.Compiled : RegexOptions.None), Timeout);
        }
    }
}
