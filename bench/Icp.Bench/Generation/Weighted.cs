namespace Icp.Bench.Generation;

/// <summary>A fixed list of values drawn with given relative weights (cumulative table, linear scan: lists are short).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] entries)
    {
        _values = new T[entries.Length];
        _cumulative = new double[entries.Length];
        double total = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            total += entries[i].Weight;
            _values[i] = entries[i].Value;
            _cumulative[i] = total;
        }
        for (var i = 0; i < _cumulative.Length; i++) _cumulative[i] /= total;
    }

    public int Count => _values.Length;

    public T this[int index] => _values[index];

    public int NextIndex(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
            if (u < _cumulative[i]) return i;
        return _cumulative.Length - 1;
    }

    public T Next(Random random) => _values[NextIndex(random)];
}
