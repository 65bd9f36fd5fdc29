using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary>
/// The learner encodes each distinct value once (by key id, list tokens pooled, numbers parsed once per column) and
/// collapses rows to patterns before fitting: these shortcuts must give what the plain per-row routes give.
/// </summary>
public sealed class FieldEncoderTests
{
    private static readonly string[] Columns = ["kind", "stack", "size", "seen", "outcome"];

    private static readonly string[] Kinds = ["Software", "software", " Software ", "Fin  tech", "Fin tech", "Retail", "", "   ", "Other thing"];
    private static readonly string[] Stacks = ["Slack; HubSpot", "slack;Slack;Zoom", "[\"Zoom\",\"hubspot\"]", "", " ; ", "Zoom", "HubSpot;  Jira  ", "Jira;Jira"];
    private static readonly string[] Sizes = ["1", "1.0", "12", "250", "x", "", "3000", "45.5"];
    private static readonly string[] Seen = ["2026-01-05", "2025-06-30", "", "2024-12-31", "not a date", "2026-06-01"];

    private static LearningData Data()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 600).Select(i => new[]
        {
            Kinds[random.Next(Kinds.Length)], Stacks[random.Next(Stacks.Length)], Sizes[random.Next(Sizes.Length)],
            Seen[random.Next(Seen.Length)], random.NextDouble() < 0.3 + 0.04 * (i % 5) ? "Won" : "Lost",
        }).ToList();
        return LearningData.Read(Table.Reader(Columns, rows), new OutcomeSpec("outcome", ["Won"]), []);
    }

    public static TheoryData<int, FieldKind, bool> Encoders => new()
    {
        { 0, FieldKind.Category, true }, { 0, FieldKind.Category, false }, { 1, FieldKind.Set, false },
        { 2, FieldKind.Number, true }, { 2, FieldKind.Number, false }, { 3, FieldKind.Date, true },
    };

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Levels_of_a_row_are_what_encoding_its_text_gives(int column, FieldKind kind, bool supervised)
    {
        var data = Data();
        var rows = Enumerable.Range(0, data.RowCount).Where(r => r % 3 != 0).ToArray(); // built on some rows, used on all
        var encoder = FieldEncoder.Build(data, column, kind, rows, new DateOnly(2026, 6, 30), supervised, minSupport: 10);
        Assert.NotEmpty(encoder.Levels);
        var levels = Enumerable.Range(0, encoder.Levels.Count).ToArray();
        for (var r = 0; r < data.RowCount; r++)
        {
            var expected = new List<int>();
            encoder.Encode(data.Values[column][r], expected, 0);
            Assert.Equal(expected, encoder.LevelsOfRow(data, r));
            foreach (var set in new[] { levels[..1], levels[1..], levels.Where(l => l % 2 == 0).ToArray() })
                Assert.Equal(expected.Any(set.Contains), encoder.RowIn(data, r, set));
        }
    }

    [Fact]
    public void Categories_equal_but_for_case_and_spacing_are_one_level_spelt_as_first_seen()
    {
        var data = Data();
        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        var encoder = FieldEncoder.Build(data, 0, FieldKind.Category, rows, new DateOnly(2026, 6, 30), supervised: false, minSupport: 10);
        var first = data.Values[0].First(v => v.Trim().Equals("software", StringComparison.OrdinalIgnoreCase)).Trim();
        var values = encoder.Levels.Where(l => l.Kind == LevelKind.Values).Select(l => l.Values.Single()).ToList();
        Assert.Equal(values.Count, values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(first, values);
        Assert.Contains("Fin tech", values);
    }

    [Fact]
    public void Fit_on_collapsed_patterns_equals_the_fit_on_every_row_bit_for_bit()
    {
        // Unsorted rows, repeated features and repeated rows: the collapsed, half-Hessian fit must sum as the plain one did.
        var random = new Random(3);
        var rows = new List<int[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 3000; i++)
        {
            var row = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(6)).ToArray();
            rows.Add(row);
            labels.Add(random.NextDouble() < 0.2 + 0.1 * row.Length);
        }
        var (weights, intercept) = LogisticRegression.Fit(rows, labels, 6, 1.0);
        var (plainWeights, plainIntercept) = PlainFit(rows, labels, 6, 1.0);
        Assert.Equal(plainIntercept, intercept);
        Assert.Equal(plainWeights, weights);
    }

    /// <summary>The fit as first written: a full Hessian summed over patterns kept as sorted arrays.</summary>
    private static (double[] Weights, double Intercept) PlainFit(List<int[]> rows, List<bool> labels, int features, double ridge)
    {
        var index = new Dictionary<string, int>();
        var patterns = new List<int[]>();
        var counts = new List<(double Rows, double Wins)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var key = rows[r].Order().ToArray();
            if (!index.TryGetValue(string.Join(',', key), out var i))
            {
                i = patterns.Count;
                index[string.Join(',', key)] = i;
                patterns.Add(key);
                counts.Add((0, 0));
            }
            counts[i] = (counts[i].Rows + 1, counts[i].Wins + (labels[r] ? 1 : 0));
        }
        var p = features + 1;
        var beta = new double[p];
        var wins = labels.Count(l => l);
        beta[features] = Math.Log((wins + 0.5) / (labels.Count - wins + 0.5));
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var h = new double[p, p];
            var g = new double[p];
            for (var r = 0; r < patterns.Count; r++)
            {
                var (n, won) = counts[r];
                var eta = beta[features];
                foreach (var f in patterns[r]) eta += beta[f];
                var prob = 1 / (1 + Math.Exp(-eta));
                var residual = won - n * prob;
                var weight = n * Math.Max(prob * (1 - prob), 1e-10);
                g[features] += residual;
                h[features, features] += weight;
                foreach (var f in patterns[r])
                {
                    g[f] += residual;
                    h[f, features] += weight;
                    foreach (var k in patterns[r]) h[f, k] += weight;
                }
            }
            for (var f = 0; f < features; f++)
            {
                h[features, f] = h[f, features];
                h[f, f] += ridge;
                g[f] -= ridge * beta[f];
            }
            var l = new double[p, p];
            for (var i = 0; i < p; i++)
                for (var j = 0; j <= i; j++)
                {
                    var sum = h[i, j];
                    for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                    l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
                }
            var y = new double[p];
            for (var i = 0; i < p; i++)
            {
                var sum = g[i];
                for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
                y[i] = sum / l[i, i];
            }
            var step = new double[p];
            for (var i = p - 1; i >= 0; i--)
            {
                var sum = y[i];
                for (var k = i + 1; k < p; k++) sum -= l[k, i] * step[k];
                step[i] = sum / l[i, i];
            }
            var change = 0.0;
            for (var i = 0; i < p; i++)
            {
                beta[i] += step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }
            if (change < 1e-8) break;
        }
        return (beta[..features], beta[features]);
    }
}
