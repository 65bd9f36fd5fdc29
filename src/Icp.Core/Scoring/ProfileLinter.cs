using Icp.Core.Profiles;
using Icp.Core.Tables;

namespace Icp.Core.Scoring;

/// <summary>
/// Checks a profile against real data and warns about what a RevOps lead would want to know before using it:
/// hard filters that let almost everything through, signals that never or always hold, tiers nobody reaches.
/// </summary>
public static class ProfileLinter
{
    /// <summary>Above this share of rows passing every hard filter and disqualifier, the profile is "too broad".</summary>
    public const double TooBroadShare = 0.8;

    public static IReadOnlyList<ProfileDiagnostic> Lint(CompiledProfile profile, ITableReader reader)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reader);
        var issues = new DataIssues();
        var evaluator = profile.CreateEvaluator(issues);
        var row = new RowContext(profile.Slots, false, profile.SourceName, new DataIssues());
        var signalTrue = new long[profile.Signals.Length];
        var signalKnown = new long[profile.Signals.Length];
        var tierCounts = new long[profile.Profile.Tiers.Tiers.Length + 1];
        long rows = 0, passed = 0;
        var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
        while (reader.ReadBatch(batch))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                rows++;
                var result = evaluator.Evaluate(batch, r);
                if (result.Excluded) continue;
                passed++;
                tierCounts[result.Tier]++;
                row.MoveTo(batch, r);
                for (var s = 0; s < profile.Signals.Length; s++)
                {
                    var t = profile.Signals[s].Node.Eval(row);
                    if (t == Truth.Unknown) continue;
                    signalKnown[s]++;
                    if (t == Truth.True) signalTrue[s]++;
                }
            }
        }

        var p = profile.Profile;
        var warnings = new List<ProfileDiagnostic>();
        var top = new SourceLocation(p.SourceName, 1, 1);
        if (rows == 0)
        {
            warnings.Add(new(Severity.Warning, $"{reader.SourceName} has no rows to check the profile against", top));
            return warnings;
        }
        var share = (double)passed / rows;
        if ((p.Must.Length > 0 || p.Exclude.Length > 0) && share > TooBroadShare)
            warnings.Add(new(Severity.Warning, $"too broad: {share * 100:0}% of {rows:N0} rows in {reader.SourceName} pass the hard filters and disqualifiers", top));
        if (passed == 0)
            warnings.Add(new(Severity.Warning, $"too narrow: none of {rows:N0} rows in {reader.SourceName} pass the hard filters and disqualifiers", top));
        for (var s = 0; s < profile.Signals.Length; s++)
        {
            var signal = p.Signals[s];
            if (passed == 0) break;
            if (signalKnown[s] == 0)
                warnings.Add(new(Severity.Warning, $"signal '{signal.Label ?? signal.Condition.Describe()}' can never be evaluated: its field is empty in every row that passes the filters", signal.Condition.Location));
            else if (signalTrue[s] == 0)
                warnings.Add(new(Severity.Warning, $"signal '{signal.Label ?? signal.Condition.Describe()}' never holds on {reader.SourceName} ({signalKnown[s]:N0} rows evaluated)", signal.Condition.Location));
            else if (signalTrue[s] == signalKnown[s])
                warnings.Add(new(Severity.Warning, $"signal '{signal.Label ?? signal.Condition.Describe()}' holds for every row evaluated ({signalKnown[s]:N0}): it does not tell accounts apart", signal.Condition.Location));
        }
        if (passed > 0)
            for (var t = 0; t < p.Tiers.Tiers.Length; t++)
                if (tierCounts[t] == 0)
                    warnings.Add(new(Severity.Warning, $"no row of {reader.SourceName} reaches tier {p.Tiers.Tiers[t].Name} (score >= {p.Tiers.Tiers[t].Minimum})", top));
        foreach (var e in issues.Entries)
            warnings.Add(new(Severity.Warning, $"{e.Count:N0} values of field '{e.Field}' are {e.Problem} (first at lines {string.Join(", ", e.FirstLines)}); they count as missing", top));
        return warnings;
    }
}
