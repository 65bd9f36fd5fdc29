namespace Icp.Core.Scoring;

/// <summary>Three-valued logic: a condition on a missing value is <see cref="Unknown"/> (Kleene, as in SQL).</summary>
public enum Truth : byte { False, True, Unknown }
