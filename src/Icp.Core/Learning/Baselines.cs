namespace Icp.Core.Learning;

/// <summary>
/// Rows as dense numeric features for baselines that want a matrix (gradient-boosted trees): numbers and date ages as
/// they are (NaN when missing), categories and list tokens one-hot.
/// </summary>
public sealed record FeatureMatrix(IReadOnlyList<string> Names, float[][] Rows, bool[] Labels)
{
    public static FeatureMatrix Build(LearningData data, IReadOnlyList<FieldEncoder> fields, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        var names = new List<string>();
        var offsets = new int[fields.Count];
        foreach (var (field, f) in fields.Select((x, i) => (x, i)))
        {
            offsets[f] = names.Count;
            if (field.Kind is FieldKind.Number or FieldKind.Date) names.Add(field.ColumnName);
            else names.AddRange(Enumerable.Range(0, field.Levels.Count).Select(l => $"{field.ColumnName}={ProfileLearner.LevelLabel(field, l)}"));
        }
        var matrix = new float[rows.Count][];
        var active = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var x = new float[names.Count];
            for (var f = 0; f < fields.Count; f++)
            {
                var field = fields[f];
                if (field.Kind is FieldKind.Number or FieldKind.Date)
                {
                    x[offsets[f]] = field.Number(data.Values[field.Column][rows[i]]) is { } v ? (float)v : float.NaN;
                    continue;
                }
                active.Clear();
                field.EncodeRow(data, rows[i], active, offsets[f]);
                foreach (var a in active) x[a] = 1;
            }
            matrix[i] = x;
        }
        return new FeatureMatrix(names, matrix, [.. rows.Select(r => data.Labels[r])]);
    }
}

/// <summary>A model the learned profile is compared with on the same split (e.g. gradient-boosted trees, outside Icp.Core).</summary>
public interface IBaselineModel
{
    /// <summary>Short name for the comparison table.</summary>
    string Name { get; }

    /// <summary>Trains on <paramref name="train"/> and returns one score per row of <paramref name="test"/> (higher: more likely to win).</summary>
    double[] FitAndScore(FeatureMatrix train, FeatureMatrix test, int seed);
}
