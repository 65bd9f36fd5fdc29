using Spectre.Console;

namespace Icp.Cli.Terminal;

/// <summary>
/// Where a command writes: human output, errors and progress. Data written to <c>--out -</c> goes to the raw
/// standard output instead, so summaries then move to the error stream to keep piped data clean.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal, TimeProvider clock, bool color)
    {
        Output = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
        Clock = clock;
        Out = Create(output, color, interactive: false);
        Err = Create(error, color && errorIsTerminal, errorIsTerminal);
    }

    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Out { get; }
    public IAnsiConsole Err { get; }

    /// <summary>True when a person watches stderr: only then are progress bars drawn.</summary>
    public bool ErrorIsTerminal { get; }
    public TimeProvider Clock { get; }

    public static CliConsole System() => new(
        Console.Out, Console.Error, !Console.IsErrorRedirected, TimeProvider.System,
        color: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    /// <summary>The console for human summaries: stderr when data goes to stdout.</summary>
    public IAnsiConsole Summary(string? outPath) => outPath == "-" ? Err : Out;

    private static IAnsiConsole Create(TextWriter writer, bool color, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // Redirected output has no width; 80 columns would fold table cells that logs show better whole.
        if (!interactive && !color) console.Profile.Width = RedirectedWidth;
        return console;
    }

    private const int RedirectedWidth = 120;
}
