using Icp.Core.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Icp.Data.Baselines;

/// <summary>
/// Baseline (2) for <c>icp learn</c>: ML.NET's gradient-boosted trees (FastTree) on the same columns and split. A strong
/// black box the readable points profile is measured against; it is never the learner.
/// </summary>
public sealed class FastTreeBaseline : IBaselineModel
{
    public string Name => "gradient-boosted trees (ML.NET FastTree)";

    public double[] FitAndScore(FeatureMatrix train, FeatureMatrix test, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(TreeRow));
        schema[nameof(TreeRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, train.Names.Count));
        var options = new FastTreeBinaryTrainer.Options
        {
            // One thread: the same data and seed give the same trees.
            NumberOfThreads = 1,
            NumberOfTrees = 200,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = Math.Max(5, train.Rows.Length / 200),
            LearningRate = 0.05,
        };
        var model = ml.BinaryClassification.Trainers.FastTree(options).Fit(ml.Data.LoadFromEnumerable(Rows(train), schema));
        var scored = model.Transform(ml.Data.LoadFromEnumerable(Rows(test), schema));
        return [.. scored.GetColumn<float>("Score").Select(s => (double)s)];
    }

    private static IEnumerable<TreeRow> Rows(FeatureMatrix matrix) =>
        matrix.Rows.Select((x, i) => new TreeRow { Label = matrix.Labels[i], Features = x.Length == 0 ? [0f] : x });

    /// <summary>One training row as ML.NET reads it.</summary>
    public sealed class TreeRow
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
