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
}
