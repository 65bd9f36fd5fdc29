using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Sanity check that the DuckDB SQL really is the same profile: compares <c>icp_score</c>, <c>icp_tier</c> and
/// <c>icp_excluded</c> of the two outputs row by row (both keep the input order).
/// </summary>
internal sealed record ScoreAgreement(long Rows, long SameScore, long SameTier, long SameExcluded, IReadOnlyList<string> FirstDifferences)
{
    public const double Goal = 0.99;
    private const int DifferencesKept = 5;

    public double ScoreRate => Rows == 0 ? 0 : (double)SameScore / Rows;
    public double TierRate => Rows == 0 ? 0 : (double)SameTier / Rows;
    public double ExcludedRate => Rows == 0 ? 0 : (double)SameExcluded / Rows;
    public bool MeetsGoal => ScoreRate >= Goal;

    public static ScoreAgreement Compare(string icpOutput, string duckDbOutput)
    {
        using var icp = new Cursor(icpOutput);
        using var duck = new Cursor(duckDbOutput);
        long rows = 0, sameScore = 0, sameTier = 0, sameExcluded = 0;
        var differences = new List<string>();
        while (true)
        {
            var moreIcp = icp.MoveNext();
            var moreDuck = duck.MoveNext();
            if (moreIcp != moreDuck)
                throw new BenchmarkFailedException($"the outputs have different row counts: {icpOutput} and {duckDbOutput} differ after {rows:N0} rows");
            if (!moreIcp) break;
            rows++;
            var scoreMatches = icp.Field(icp.Score).SequenceEqual(duck.Field(duck.Score));
            if (scoreMatches) sameScore++;
            if (icp.Field(icp.Tier).Equals(duck.Field(duck.Tier), StringComparison.OrdinalIgnoreCase)) sameTier++;
            if (icp.Field(icp.Excluded).Equals(duck.Field(duck.Excluded), StringComparison.OrdinalIgnoreCase)) sameExcluded++;
            if (!scoreMatches && differences.Count < DifferencesKept)
                differences.Add($"row {rows:N0}: icp {icp.Field(icp.Score)} [{icp.Field(icp.Reasons)}] vs DuckDB {duck.Field(duck.Score)} [{duck.Field(duck.Reasons)}]");
        }
        return new(rows, sameScore, sameTier, sameExcluded, differences);
    }

    /// <summary>Row-at-a-time view over a scored file, read with the same reader as everything else.</summary>
    private sealed class Cursor : IDisposable
    {
        private readonly ITableReader _reader;
        private readonly RowBatch _batch;
        private int _row = -1;

        public Cursor(string path)
        {
            _reader = TableReaders.Open(path);
            _batch = new RowBatch(_reader.Columns.Count);
            Score = Column("icp_score");
            Tier = Column("icp_tier");
            Excluded = Column("icp_excluded");
            Reasons = Column("icp_reasons");
        }

        public int Score { get; }
        public int Tier { get; }
        public int Excluded { get; }
        public int Reasons { get; }

        public bool MoveNext()
        {
            if (++_row < _batch.Count) return true;
            _row = 0;
            return _reader.ReadBatch(_batch) && _batch.Count > 0;
        }

        public ReadOnlySpan<char> Field(int column) => _batch[_row, column];

        public void Dispose() => _reader.Dispose();

        private int Column(string name)
        {
            for (var i = 0; i < _reader.Columns.Count; i++)
                if (string.Equals(_reader.Columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            throw new BenchmarkFailedException($"{_reader.SourceName} has no column '{name}' (columns: {string.Join(", ", _reader.Columns)})");
        }
    }
}
