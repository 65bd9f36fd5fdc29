using System.Collections;
using System.Runtime.InteropServices;

namespace Icp.Core.Learning;

/// <summary>
/// One column of a learning table, dictionary-encoded: each distinct text once, and a code per row. Columns repeat
/// a few values down millions of rows, so this keeps big tables in memory, and lets encoders work per distinct value
/// instead of per row.
/// </summary>
public sealed class LearningColumn : IReadOnlyList<string>
{
    internal LearningColumn(string[] distinct, int[] codes)
    {
        Distinct = distinct;
        Codes = codes;
        Frequencies = new int[distinct.Length];
        foreach (var code in codes) Frequencies[code]++;
    }

    /// <summary>The distinct values, in order of first appearance; "" (missing) is code 0 when it occurs.</summary>
    public IReadOnlyList<string> Distinct { get; }

    /// <summary>The code of each row's value: an index into <see cref="Distinct"/>.</summary>
    public int[] Codes { get; }

    /// <summary>How many rows hold each distinct value.</summary>
    public int[] Frequencies { get; }

    public string this[int row] => Distinct[Codes[row]];

    public int Count => Codes.Length;

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var code in Codes) yield return Distinct[code];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Rows and wins per distinct value over <paramref name="rows"/>, and where in <paramref name="rows"/> each value first
    /// occurs (-1: never). One tight pass; the learner then works per distinct value, not per row.
    /// </summary>
    internal CodeCounts CountByCode(ReadOnlySpan<int> rows, bool[] labels)
    {
        var seen = new int[Distinct.Count];
        var won = new int[Distinct.Count];
        var first = new int[Distinct.Count];
        var codes = Codes;
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            var code = codes[r];
            if (seen[code]++ == 0) first[code] = i;
            if (labels[r]) won[code]++;
        }
        for (var code = 0; code < seen.Length; code++) if (seen[code] == 0) first[code] = -1;
        return new CodeCounts(seen, won, first);
    }

    /// <summary>The row indices as a span, without a copy for the arrays and lists the learner passes.</summary>
    internal static ReadOnlySpan<int> Span(IReadOnlyList<int> rows) => rows switch
    {
        int[] array => array,
        List<int> list => CollectionsMarshal.AsSpan(list),
        _ => rows.ToArray(),
    };

    /// <summary>Builds columns row by row.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _distinct = [];
        private readonly List<int> _rows = [];

        public void Add(ReadOnlySpan<char> value)
        {
            var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out var code))
            {
                var text = value.ToString();
                code = _distinct.Count;
                _distinct.Add(text);
                _codes[text] = code;
            }
            _rows.Add(code);
        }

        public LearningColumn Build() => new([.. _distinct], [.. _rows]);
    }
}

/// <summary>Rows, wins and first position (in the rows counted; -1 when absent) per distinct value of a <see cref="LearningColumn"/>.</summary>
internal sealed record CodeCounts(int[] Rows, int[] Wins, int[] First);
