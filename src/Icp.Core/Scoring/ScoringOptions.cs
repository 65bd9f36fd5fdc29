namespace Icp.Core.Scoring;

/// <summary>Settings that change scores, so a scored file can be reproduced.</summary>
/// <param name="AsOf">The date <c>within</c> and <c>older_than</c> count back from.</param>
/// <param name="Strict">When true, an unparsable number, date or bool in the data stops the run instead of counting as unknown.</param>
public sealed record ScoringOptions(DateOnly AsOf, bool Strict = false)
{
    /// <summary>Options with the as-of date taken from <paramref name="clock"/> (UTC).</summary>
    public static ScoringOptions Today(TimeProvider clock, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), strict);
    }
}
