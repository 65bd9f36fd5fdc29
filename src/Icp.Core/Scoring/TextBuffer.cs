using System.Globalization;

namespace Icp.Core.Scoring;

/// <summary>A reusable growable char buffer for reasons text: one per evaluator, no per-row allocation.</summary>
internal sealed class TextBuffer
{
    private char[] _chars = new char[512];

    public int Length { get; private set; }
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        Grow(1);
        _chars[Length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> s)
    {
        Grow(s.Length);
        s.CopyTo(_chars.AsSpan(Length));
        Length += s.Length;
    }

    public void Append(int value)
    {
        Grow(11);
        value.TryFormat(_chars.AsSpan(Length), out var n, default, CultureInfo.InvariantCulture);
        Length += n;
    }

    /// <summary>"+25" or "-10".</summary>
    public void AppendSigned(int value)
    {
        if (value >= 0) Append('+');
        Append(value);
    }

    public void AppendJoined(IEnumerable<string> items)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first) Append(", ");
            Append(item);
            first = false;
        }
    }

    private void Grow(int extra)
    {
        if (Length + extra > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + extra));
    }
}
