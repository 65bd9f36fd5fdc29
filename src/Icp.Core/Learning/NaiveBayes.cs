namespace Icp.Core.Learning;

/// <summary>
/// Baseline (1): naive Bayes over field-value frequencies with Laplace smoothing, the method of Odoo CRM's predictive
/// lead scoring. Every field votes independently by how often its value occurs among wins versus losses.
/// </summary>
public sealed class NaiveBayes
{
    private readonly FieldEncoder[] _fields;
    private readonly double[][] _logRatio;
    private readonly double _prior;

    private NaiveBayes(FieldEncoder[] fields, double[][] logRatio, double prior)
    {
        _fields = fields;
        _logRatio = logRatio;
        _prior = prior;
    }

    /// <summary>Counts value frequencies on <paramref name="rows"/>; <paramref name="alpha"/> is the Laplace pseudo-count (1 by default).</summary>
    public static NaiveBayes Fit(LearningData data, IReadOnlyList<FieldEncoder> fields, IReadOnlyList<int> rows, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        var wins = rows.Count(r => data.Labels[r]);
        var losses = rows.Count - wins;
        var ratios = new double[fields.Count][];
        var active = new List<int>();
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            // One extra slot: "none of the levels" (an unseen category, an empty list).
            var levels = field.Levels.Count + 1;
            var won = new double[levels];
            var lost = new double[levels];
            foreach (var r in rows)
            {
                active.Clear();
                field.EncodeRow(data, r, active, 0);
                if (active.Count == 0) active.Add(levels - 1);
                foreach (var l in active) (data.Labels[r] ? won : lost)[l]++;
            }
            ratios[f] = new double[levels];
            for (var l = 0; l < levels; l++)
                ratios[f][l] = Math.Log((won[l] + alpha) / (wins + alpha * levels)) - Math.Log((lost[l] + alpha) / (losses + alpha * levels));
        }
        return new NaiveBayes([.. fields], ratios, Math.Log((wins + 1.0) / (losses + 1.0)));
    }

    /// <summary>Log-odds of a win for row <paramref name="row"/>.</summary>
    public double Score(LearningData data, int row)
    {
        ArgumentNullException.ThrowIfNull(data);
        var score = _prior;
        var active = new List<int>();
        for (var f = 0; f < _fields.Length; f++)
        {
            active.Clear();
            _fields[f].EncodeRow(data, row, active, 0);
            if (active.Count == 0) active.Add(_logRatio[f].Length - 1);
            foreach (var l in active) score += _logRatio[f][l];
        }
        return score;
    }
}
