using System.Collections.Immutable;

namespace Icp.Core.Profiles;

public enum Severity { Error, Warning }

/// <summary>A problem found in a profile, at a place in its file.</summary>
public sealed record ProfileDiagnostic(Severity Severity, string Message, SourceLocation Location)
{
    public override string ToString() => $"{Location}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>A profile that cannot be used; carries every error found, not just the first.</summary>
public sealed class ProfileException : InputException
{
    public ProfileException(ImmutableArray<ProfileDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == Severity.Error)),
               diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Location)
        => Diagnostics = diagnostics;

    public ProfileException() : this([]) { }
    public ProfileException(string message) : base(message) => Diagnostics = [];
    public ProfileException(string message, Exception inner) : base(message, inner) => Diagnostics = [];

    public ImmutableArray<ProfileDiagnostic> Diagnostics { get; }
}

/// <summary>The outcome of loading a profile: the profile when there were no errors, and every diagnostic.</summary>
public sealed record ProfileLoadResult(Profile? Profile, ImmutableArray<ProfileDiagnostic> Diagnostics)
{
    public bool Succeeded => Profile is not null;
    public IEnumerable<ProfileDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<ProfileDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);

    /// <summary>The profile, or a <see cref="ProfileException"/> listing the errors.</summary>
    public Profile GetProfileOrThrow() => Profile ?? throw new ProfileException(Diagnostics);
}
