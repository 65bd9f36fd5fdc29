using Icp.Cli;
using Icp.Cli.Terminal;

return IcpCommand.Run(args, CliConsole.System());
