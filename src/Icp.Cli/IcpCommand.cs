using System.CommandLine;
using Icp.Cli.Commands;
using Icp.Cli.Terminal;
using Icp.Core;

namespace Icp.Cli;

/// <summary>The <c>icp</c> command line: parsing, dispatch and the mapping of failures to exit codes.</summary>
internal static class IcpCommand
{
    public static RootCommand Build(CliConsole console) => new("""
        icp: the Ideal Customer Profile engine. Define your ICP as a readable YAML file, then score, explain and
        filter accounts and leads with it. Start with 'icp demo'; 'icp <command> --help' explains each command.
        """)
    {
        DemoCommand.Create(console),
        ValidateCommand.Create(console),
        ScoreCommand.Create(console),
        ExplainCommand.Create(console),
        FilterCommand.Create(console),
        PersonasCommand.Create(console),
        EnrichCommand.Create(console),
        SqlCommand.Create(console),
        ReportCommand.Create(console),
        DiffCommand.Create(console),
        LearnCommand.Create(console),
    };

    public static int Run(string[] args, CliConsole console)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine($"icp: {error.Message}");
            console.Error.WriteLine($"Run '{string.Join(' ', parse.CommandResult.Command.Name == root.Name ? ["icp"] : ["icp", parse.CommandResult.Command.Name])} --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(invocation);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"icp: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Core.Profiles.ProfileException)
        {
            return ExitCodes.BadInput; // its diagnostics were printed, with locations, when it was loaded
        }
        catch (InputException e)
        {
            console.Error.WriteLine($"icp: {e.Describe()}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"icp: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"icp: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
