namespace Icp.Core;

/// <summary>
/// Where in a user's input something went wrong: a file and, when known, a 1-based line and column
/// (or a data row and field name).
/// </summary>
public sealed record SourceLocation(string Source, long Line = 0, int Column = 0, string? Field = null)
{
    public override string ToString()
    {
        var text = Source;
        if (Line > 0) text += $":{Line}";
        if (Column > 0) text += $":{Column}";
        if (Field is not null) text += $" (field '{Field}')";
        return text;
    }
}

/// <summary>
/// Bad input a user can fix: a profile, data file or option that cannot be used. The CLI turns it into
/// a one-line message naming the place, and exit code 1.
/// </summary>
public class InputException : Exception
{
    public InputException(string message, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner) => Location = location;

    public InputException() : this("bad input") { }
    public InputException(string message) : this(message, null, null) { }
    public InputException(string message, Exception inner) : this(message, null, inner) { }

    public SourceLocation? Location { get; }

    /// <summary>"file:line:column: message", the form editors and CI logs understand.</summary>
    public string Describe() => Location is null ? Message : $"{Location}: {Message}";
}
