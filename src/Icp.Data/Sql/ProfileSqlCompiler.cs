using Icp.Core;
using Icp.Core.Profiles;
using Icp.Core.Scoring;

namespace Icp.Data.Sql;

/// <summary>
/// Compiles a profile (or a primary and a secondary profile) into one SELECT that returns every source column
/// plus <c>icp_score</c>, <c>icp_tier</c>, <c>icp_excluded</c>, <c>icp_reasons</c> and the group sub-scores (with
/// two profiles also <c>icp_profile</c> and each profile's score), with the same semantics as the in-process
/// scorer: SQL's NULL logic is the profile's three-valued logic, the as-of arithmetic and every description are
/// computed here and emitted as literals, and the score uses the same integer rounding.
/// </summary>
/// <remarks>
/// Stages, as common table expressions: the trimmed text of each field; its typed value; each criterion as a
/// nullable boolean; exclusion and points per group; the score. Helper columns start with <c>icp__</c> and are
/// dropped from the result.
/// </remarks>
public static class ProfileSqlCompiler
{
    /// <summary>The SELECT scoring a table or view.</summary>
    /// <param name="profile">The validated profile.</param>
    /// <param name="dialect">The SQL engine to write for.</param>
    /// <param name="relation">Table or view name, optionally schema-qualified (<c>crm.accounts</c>); each part is quoted.</param>
    /// <param name="options">The as-of date that <c>within</c> and <c>older_than</c> count back from.</param>
    /// <param name="columns">Optional field → column names, for tables whose columns differ from the profile's.</param>
    public static string Compile(Profile profile, SqlDialect dialect, string relation, ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null) =>
        Compile([profile], dialect, relation, options, columns);

    /// <summary>The SELECT scoring a table with one profile, or a primary and a secondary one (the better fit wins, as in <c>icp score</c>).</summary>
    public static string Compile(IReadOnlyList<Profile> profiles, SqlDialect dialect, string relation, ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(relation);
        return Build(profiles, dialect, dialect.QualifiedName(relation), options, columns);
    }

    /// <summary><c>CREATE OR REPLACE VIEW</c> <paramref name="view"/> over the scoring SELECT.</summary>
    public static string CompileView(IReadOnlyList<Profile> profiles, SqlDialect dialect, string relation, string view, ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(view);
        return $"CREATE OR REPLACE VIEW {dialect.QualifiedName(view)} AS\n{Compile(profiles, dialect, relation, options, columns)}";
    }

    /// <summary>
    /// Statements that write the score back into <paramref name="table"/>: add the result columns when missing
    /// (named <paramref name="prefix"/><c>score</c>, ...), then one <c>UPDATE ... FROM</c> or <c>MERGE</c> matched on
    /// <paramref name="keys"/>. The scoring reads only the keys and the profiles' columns, so earlier results
    /// in the table never collide with the new ones.
    /// </summary>
    public static IReadOnlyList<string> CompileWriteBack(IReadOnlyList<Profile> profiles, SqlDialect dialect, string table, IReadOnlyList<string> keys, string prefix,
        ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(prefix);
        if (keys.Count == 0) throw new ArgumentException("write-back needs at least one key column", nameof(keys));
        var read = keys.Concat(profiles.SelectMany(p => new ProfileSqlPart(p, dialect, options, columns ?? new Dictionary<string, string>(), "", []).ColumnsRead))
            .Distinct(StringComparer.Ordinal).Select(dialect.Identifier);
        var select = Build(profiles, dialect, $"(SELECT {string.Join(", ", read)} FROM {dialect.QualifiedName(table)})", options, columns);
        var results = ResultColumns(profiles).Select(r => new WriteBackColumn(prefix + r.Name["icp_".Length..], r.Name, r.Type)).ToList();
        return dialect.WriteBack(dialect.QualifiedName(table), keys, results, select);
    }

    /// <summary>The columns a scoring SELECT adds, in order, with their SQL types: the same as <c>icp score</c> appends.</summary>
    public static IReadOnlyList<(string Name, SqlType Type)> ResultColumns(IReadOnlyList<Profile> profiles)
    {
        CheckProfiles(profiles);
        var columns = new List<(string, SqlType)>
        {
            (ScoringPlan.ScoreColumn, SqlType.Integer), (ScoringPlan.TierColumn, SqlType.Text),
            (ScoringPlan.ExcludedColumn, SqlType.Boolean), (ScoringPlan.ReasonsColumn, SqlType.Text),
        };
        if (profiles.Count > 1)
        {
            columns.Add((ScoringPlan.ProfileColumn, SqlType.Text));
            columns.AddRange(profiles.Select(p => ($"{ScoringPlan.ScoreColumn}_{p.Name}", SqlType.Integer)));
        }
        columns.AddRange(GroupNames(profiles).Select(g => ("icp_" + g, SqlType.Integer)));
        return columns;
    }

    private static IEnumerable<string> GroupNames(IReadOnlyList<Profile> profiles) =>
        profiles.SelectMany(p => p.Groups.Select(g => g.Name)).Distinct(StringComparer.Ordinal);

    private static void CheckProfiles(IReadOnlyList<Profile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count is < 1 or > 2) throw new InputException("give one profile, or a primary and a secondary profile");
        if (profiles.Count == 2 && string.Equals(profiles[0].Name, profiles[1].Name, StringComparison.Ordinal))
            throw new InputException($"both profiles are named '{profiles[0].Name}': give the secondary profile its own name");
    }

    private static string Build(IReadOnlyList<Profile> profiles, SqlDialect sql, string source, ScoringOptions options, IReadOnlyDictionary<string, string>? columns)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckProfiles(profiles);
        var helpers = new List<string>();
        var parts = profiles.Select((p, i) => new ProfileSqlPart(p, sql, options, columns ?? new Dictionary<string, string>(), i == 0 ? "icp__" : "icp__b_", helpers)).ToList();
        try
        {
            return Assemble(parts, sql, source, options, helpers);
        }
        catch (NotSupportedException e)
        {
            throw new InputException($"{e.Message} ({sql.Name} dialect)", new SourceLocation(parts[0].Profile.SourceName), e);
        }
    }

    private static string Assemble(List<ProfileSqlPart> parts, SqlDialect sql, string source, ScoringOptions options, List<string> helpers)
    {
        string Id(string name) => sql.Identifier(name);
        var text = parts.SelectMany(p => p.TextHelpers()).ToList();
        var values = parts.SelectMany(p => p.ValueHelpers()).ToList();
        var criteria = parts.SelectMany(p => p.CriteriaHelpers()).ToList();
        var points = parts.SelectMany(p => p.PointHelpers()).ToList();
        var scores = parts.Select(p => p.ScoreHelper()).ToList();
        var primary = parts[0];
        var outputs = new List<string>();
        var winner = new List<string>();
        if (parts.Count == 1)
        {
            outputs.Add($"{primary.ScoreRef} AS {Id(ScoringPlan.ScoreColumn)}");
            outputs.Add($"{primary.Tier()} AS {Id(ScoringPlan.TierColumn)}");
            outputs.Add($"{primary.ExcludedRef} AS {Id(ScoringPlan.ExcludedColumn)}");
            outputs.Add($"{primary.Reasons()} AS {Id(ScoringPlan.ReasonsColumn)}");
            foreach (var group in primary.Profile.Groups) outputs.Add($"{primary.GroupScore(group.Name)} AS {Id("icp_" + group.Name)}");
        }
        else
        {
            // The better fit wins: not excluded beats excluded, then the higher score; ties go to the primary.
            var secondary = parts[1];
            var second = Id("icp__second_wins");
            var (e1, e2, s1, s2) = (primary.ExcludedRef, secondary.ExcludedRef, primary.ScoreRef, secondary.ScoreRef);
            helpers.Add("icp__second_wins");
            winner.Add($"(({e1} AND NOT {e2}) OR ({e1} = {e2} AND {s2} > {s1})) AS {second}");
            string Pick(string? a, string? b) => $"CASE WHEN {second} THEN {b ?? "NULL"} ELSE {a ?? "NULL"} END";
            outputs.Add($"{Pick(s1, s2)} AS {Id(ScoringPlan.ScoreColumn)}");
            outputs.Add($"{Pick(primary.Tier(), secondary.Tier())} AS {Id(ScoringPlan.TierColumn)}");
            outputs.Add($"{Pick(e1, e2)} AS {Id(ScoringPlan.ExcludedColumn)}");
            outputs.Add($"{Pick(primary.Reasons(), secondary.Reasons())} AS {Id(ScoringPlan.ReasonsColumn)}");
            outputs.Add($"{Pick(sql.Literal(primary.Profile.Name), sql.Literal(secondary.Profile.Name))} AS {Id(ScoringPlan.ProfileColumn)}");
            outputs.Add($"{s1} AS {Id($"{ScoringPlan.ScoreColumn}_{primary.Profile.Name}")}");
            outputs.Add($"{s2} AS {Id($"{ScoringPlan.ScoreColumn}_{secondary.Profile.Name}")}");
            foreach (var group in GroupNames([primary.Profile, secondary.Profile]))
                outputs.Add($"{Pick(primary.GroupScore(group), secondary.GroupScore(group))} AS {Id("icp_" + group)}");
        }

        string Stage(string name, string from, IEnumerable<string> stageColumns, string head = "*") => stageColumns.Any()
            ? $"{name} {sql.StageAs} (\n    SELECT {head},\n        {string.Join(",\n        ", stageColumns)}\n    FROM {from}{sql.StageFence}\n)"
            : $"{name} {sql.StageAs} (SELECT {head} FROM {from}{sql.StageFence})";
        var first = sql.SourceStage(source);
        var ctes = new[]
        {
            Stage("icp__text", first.From, text, first.Head),
            Stage("icp__values", "icp__text", values),
            Stage("icp__criteria", "icp__values", criteria),
            Stage("icp__points", "icp__criteria", points),
            Stage("icp__scored", "icp__points", scores),
        };
        var last = "icp__scored";
        if (winner.Count > 0)
        {
            ctes = [.. ctes, Stage("icp__winner", last, winner)];
            last = "icp__winner";
        }
        // A line break in a name would end the comment and leave the rest of the name as SQL.
        var names = string.Join(" and ", parts.Select(p => $"'{p.Profile.Name.ReplaceLineEndings(" ")}' v{p.Profile.Version}"));
        return $"-- icp profile {names}, as of {options.AsOf:yyyy-MM-dd}, {sql.Name} dialect\n" +
               $"WITH {string.Join(",\n", ctes)}\n" +
               $"SELECT {sql.SelectSourceColumns(helpers.Distinct().ToList())},\n    {string.Join(",\n    ", outputs)}\nFROM {last}";
    }
}
