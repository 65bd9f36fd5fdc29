namespace Icp.Cli;

/// <summary>The exit codes scripts rely on.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad input: a profile, data file or option value the user can fix; the message names the place.</summary>
    public const int BadInput = 1;
    /// <summary>Wrong usage: unknown command or option, missing required option.</summary>
    public const int Usage = 2;
}

/// <summary>Options that cannot be used together or are missing: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
