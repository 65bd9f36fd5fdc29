using Icp.Cli;
using Icp.Cli.Terminal;

namespace Icp.Cli.Tests.Support;

/// <summary>What one in-process run of the <c>icp</c> command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the real command line in-process, with captured output and a fixed clock.</summary>
public static class IcpCli
{
    /// <summary>The date every test treats as today.</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, errorIsTerminal: false, new FixedClock(Today), color: false);
        var exit = IcpCommand.Run(args, console);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
