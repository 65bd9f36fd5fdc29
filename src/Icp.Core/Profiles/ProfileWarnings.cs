namespace Icp.Core.Profiles;

/// <summary>Warnings a RevOps lead wants before using a profile; these need no data (see the linter for data-based ones).</summary>
internal static class ProfileWarnings
{
    public static IEnumerable<ProfileDiagnostic> Find(Profile profile)
    {
        var top = new SourceLocation(profile.SourceName, 1, 1);
        if (profile.Must.IsEmpty && profile.Exclude.IsEmpty && !profile.Signals.Any(s => s.Points < 0))
            yield return new(Severity.Warning,
                "no negative criteria: no hard filter, disqualifier or negative signal, so nothing ever rules an account out", top);

        if (!profile.Signals.Any(s => s.Points > 0))
            yield return new(Severity.Warning,
                $"no signal earns positive points: every account scores 0 and no account reaches tier {profile.Tiers.Tiers.FirstOrDefault()?.Name ?? profile.Tiers.Floor}", top);

        foreach (var w in Contradictions(profile)) yield return w;
    }

    /// <summary>Hard filters that no value can pass together, and hard filters that every disqualifier undoes.</summary>
    private static IEnumerable<ProfileDiagnostic> Contradictions(Profile profile)
    {
        var must = profile.Must.Select(m => m.Condition).OfType<FieldCondition>().ToList();
        foreach (var group in must.GroupBy(m => m.Field, StringComparer.OrdinalIgnoreCase))
        {
            var conditions = group.ToList();
            var predicates = conditions.SelectMany(c => c.Predicates).ToList();

            double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
            foreach (var r in predicates.OfType<NumberRangePredicate>())
            {
                if (r.Min is { } a) lo = Math.Max(lo, a);
                if (r.Max is { } b) hi = Math.Min(hi, b);
            }
            if (lo > hi)
                yield return new(Severity.Warning, $"contradictory hard filters on '{group.Key}': no value is both >= {lo} and <= {hi}, so every account is excluded", conditions[^1].Location);

            var allowed = (HashSet<string>?)null;
            foreach (var t in predicates.OfType<TextPredicate>().Where(t => t.Operator != Operator.NotIn))
            {
                var set = new HashSet<string>(t.Values, StringComparer.OrdinalIgnoreCase);
                if (allowed is null) allowed = set; else allowed.IntersectWith(set);
            }
            if (allowed is { Count: 0 })
                yield return new(Severity.Warning, $"contradictory hard filters on '{group.Key}': no value is in every list, so every account is excluded", conditions[^1].Location);
            if (allowed is { Count: > 0 })
            {
                var excluded = profile.Exclude.Select(e => e.Condition).OfType<FieldCondition>()
                    .Where(e => string.Equals(e.Field, group.Key, StringComparison.OrdinalIgnoreCase))
                    .SelectMany(e => e.Predicates).OfType<TextPredicate>().Where(t => t.Operator != Operator.NotIn)
                    .SelectMany(t => t.Values).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (allowed.IsSubsetOf(excluded))
                    yield return new(Severity.Warning, $"contradictory filters on '{group.Key}': every value the hard filter allows is also a disqualifier", conditions[^1].Location);
            }
        }
    }
}
