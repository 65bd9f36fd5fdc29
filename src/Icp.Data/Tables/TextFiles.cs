namespace Icp.Data.Tables;

/// <summary>Whole text documents (an HTML report) written the way tables are: all or nothing.</summary>
public static class TextFiles
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 to a temporary file beside <paramref name="path"/>, fsyncs it and renames it over the target.</summary>
    /// <exception cref="Icp.Core.InputException">the directory does not exist or cannot be written.</exception>
    public static void WriteAtomically(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var output = OutputFile.Create(path);
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        output.Stream.Write(bytes);
        output.Commit();
    }
}
