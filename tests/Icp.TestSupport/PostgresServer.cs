using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Icp.TestSupport;

/// <summary>
/// A real, throw-away PostgreSQL cluster for the tests: <c>initdb</c> into a temporary directory and
/// <c>pg_ctl start</c> on a free loopback port, stopped and deleted on dispose. When the server binaries are
/// missing and this is a Debian machine run as root, the Debian <c>postgresql</c> package is installed first.
/// </summary>
/// <remarks>
/// One cluster serves a whole test assembly (an xunit assembly fixture). When PostgreSQL cannot be had, the
/// reason is kept in <see cref="Unavailable"/> and the tests skip with it; <c>.ci/run</c> fails on any skip.
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private readonly string? _binaries;
    private readonly string? _directory;
    private readonly bool _asPostgresUser;

    public PostgresServer()
    {
        try
        {
            _binaries = FindBinaries() ?? InstallFromDebianPackages();
            if (_binaries is null)
            {
                Unavailable = "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH) and could not be installed with apt-get";
                return;
            }
            // initdb refuses to run as root; the Debian package's 'postgres' user owns the cluster then.
            _asPostgresUser = Environment.UserName == "root";
            _directory = Directory.CreateTempSubdirectory("icp-pg-").FullName;
            var data = Path.Combine(_directory, "data");
            if (_asPostgresUser) Run("chown", ["-R", "postgres:postgres", _directory]);
            RunServerTool("initdb", ["-D", data, "-U", "icp", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
            Port = FreePort();
            // fsync off: a test cluster that is thrown away need not survive a power cut.
            var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -F -c max_connections=40";
            RunServerTool("pg_ctl", ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
            ConnectionString = $"Host=127.0.0.1;Port={Port};Username=icp;Database=postgres;Pooling=false;Timeout=30;Command Timeout=300";
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            Unavailable = "PostgreSQL could not be started: " + e.Message;
        }
    }

    /// <summary>Why there is no server, or null when it is running.</summary>
    public string? Unavailable { get; }

    public int Port { get; }

    /// <summary>An Npgsql connection string for the superuser <c>icp</c> on database <c>postgres</c>.</summary>
    public string ConnectionString { get; } = "";

    /// <summary>The same server as a <c>postgres://</c> URL.</summary>
    public string Url => $"postgres://icp@127.0.0.1:{Port}/postgres";

    public void Dispose()
    {
        if (_directory is null) return;
        try
        {
            if (ConnectionString.Length > 0)
                RunServerTool("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }

    private static string? InstallFromDebianPackages()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get")) return null;
        // Test assemblies run in parallel: one installs while the others wait on the lock, then find the binaries.
        using var gate = AcquireLock(Path.Combine(Path.GetTempPath(), "icp-postgres-install.lock"));
        if (FindBinaries() is { } found) return found;
        string[] install = ["install", "-y", "-q", "--no-install-recommends", "postgresql"];
        if (!TryRun("apt-get", install))
        {
            TryRun("apt-get", ["update", "-q"]);
            TryRun("apt-get", install);
        }
        return FindBinaries();
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunServerTool(string tool, string[] arguments)
    {
        var path = Path.Combine(_binaries!, tool);
        if (_asPostgresUser) Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else Run(path, arguments);
    }

    private static bool TryRun(string file, string[] arguments)
    {
        try
        {
            Run(file, arguments);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {StepTimeout.TotalMinutes} minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}".Trim());
    }
}
