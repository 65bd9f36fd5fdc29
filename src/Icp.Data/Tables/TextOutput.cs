namespace Icp.Data.Tables;

/// <summary>Writes a whole text file (a profile, a report) the safe way: temporary file, fsync, rename; <c>-</c> is stdout.</summary>
public static class TextOutput
{
    public static void Write(string path, string text) => WriteAll([(path, text)]);

    /// <summary>Writes several files all or nothing: every target is opened (and checked) before the first is committed.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var outputs = new List<OutputFile>();
        try
        {
            foreach (var (path, text) in files)
            {
                var output = OutputFile.Create(path);
                outputs.Add(output);
                output.Stream.Write(new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
            }
            foreach (var output in outputs) output.Commit();
        }
        finally
        {
            foreach (var output in outputs) output.Dispose();
        }
    }
}
