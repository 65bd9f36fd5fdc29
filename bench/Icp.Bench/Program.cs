using Icp.Bench;

return BenchCommands.Run(args);
