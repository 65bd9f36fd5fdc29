namespace Icp.TestSupport;

/// <summary>Paths inside the repository checkout the tests run from.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "icp.slnx"))) return dir.FullName;
        throw new InvalidOperationException("icp.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>
    /// A file of the shared real data sets (<c>../shared/data</c> beside the checkout). Some of them may be used
    /// in tests but never copied into the repository, so tests read them in place.
    /// </summary>
    public static string SharedData(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([Root, "..", "shared", "data", .. parts]));
        if (!System.IO.File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"shared data set not found: {path} (expected ../shared/data beside the checkout)", path);
        return path;
    }
}
