using Icp.Core.Profiles;

namespace Icp.Core.Tests;

/// <summary>Assertions on profile diagnostics: the message and the exact place it names.</summary>
internal static class Diagnose
{
    public static ProfileDiagnostic Error(ProfileLoadResult result, string text, int line, int column) =>
        One(result, Severity.Error, text, line, column);

    public static ProfileDiagnostic Warning(ProfileLoadResult result, string text, int line, int column) =>
        One(result, Severity.Warning, text, line, column);

    public static ProfileDiagnostic One(ProfileLoadResult result, Severity severity, string text, int line, int column)
    {
        var matching = result.Diagnostics.Where(d => d.Severity == severity && d.Message.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1,
            $"expected one {severity} containing \"{text}\", found {matching.Count} among:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        var d = matching[0];
        Assert.Equal(TestSupport.Some.ProfileSource, d.Location.Source);
        Assert.Equal((line, column), ((int)d.Location.Line, d.Location.Column));
        return d;
    }

    public static void Fails(ProfileLoadResult result)
    {
        Assert.False(result.Succeeded, "expected the profile to fail to load");
        Assert.Null(result.Profile);
        Assert.NotEmpty(result.Errors);
    }
}
