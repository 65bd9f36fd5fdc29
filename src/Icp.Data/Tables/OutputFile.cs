using Icp.Core;

namespace Icp.Data.Tables;

/// <summary>
/// Where a writer's bytes go: a temporary file beside the target that <see cref="Commit"/> fsyncs and renames
/// over it, so readers of the target never see half a file; or stdout for <c>-</c>.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string? _target;
    private readonly string? _temp;
    private bool _done;

    private OutputFile(Stream stream, string name, string? target, string? temp)
    {
        Stream = stream;
        Name = name;
        _target = target;
        _temp = temp;
    }

    /// <summary>The stream to write to (unbuffered: writers buffer themselves).</summary>
    public Stream Stream { get; }

    /// <summary>The path as the user gave it, or "stdout".</summary>
    public string Name { get; }

    /// <summary>True for stdout, which cannot be seeked nor renamed.</summary>
    public bool IsStandardOutput => _target is null;

    public static OutputFile Create(string path)
    {
        if (path == TableFormats.StandardStream) return new OutputFile(Console.OpenStandardOutput(), "stdout", null, null);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
            throw new InputException($"cannot write {path}: directory {directory} does not exist", new SourceLocation(path));
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.tmp-{Path.GetRandomFileName()}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            return new OutputFile(stream, path, target, temp);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"cannot write {path}: permission denied", new SourceLocation(path), e);
        }
    }

    /// <summary>Flushes to disk and moves the temporary file over the target (stdout: just flushes).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (Stream is FileStream file) file.Flush(flushToDisk: true);
        else Stream.Flush();
        if (_temp is null) return;
        Stream.Dispose();
        File.Move(_temp, _target!, overwrite: true);
        _done = true;
    }

    /// <summary>Discards the output unless committed.</summary>
    public void Dispose()
    {
        if (_temp is null) return; // stdout belongs to the process
        if (_done) return;
        _done = true;
        Stream.Dispose();
        try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
