namespace Icp.Data.Tables;

/// <summary>Writes a whole text file (a profile, a report) the safe way: temporary file, fsync, rename; <c>-</c> is stdout.</summary>
public static class TextOutput
{
    public static void Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var output = OutputFile.Create(path);
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        output.Stream.Write(bytes);
        output.Commit();
    }
}
