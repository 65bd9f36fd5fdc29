using System.Collections.Immutable;

namespace Icp.Core.Profiles;

/// <summary>Which rows a profile describes.</summary>
public enum ProfileEntity { Account, Lead, Contact }

/// <summary>What a signal or filter does with a field that has no value.</summary>
public enum UnknownPolicy
{
    /// <summary>Missing values neither earn nor lose points and never exclude (the default).</summary>
    Neutral,
    /// <summary>Missing values count as "does not hold": points stay available and hard filters fail.</summary>
    NoMatch,
}

/// <summary>
/// A validated, immutable ICP profile: hard filters, disqualifiers, weighted signals, tiers and personas.
/// Produced only by <see cref="ProfileLoader"/>, so every instance has passed validation.
/// </summary>
public sealed record Profile
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public string? Description { get; init; }
    public ProfileEntity Entity { get; init; }
    public DateOnly? ReviewBy { get; init; }
    public required string SourceName { get; init; }

    /// <summary>Every field the profile reads, with its resolved type, keyed by field name (case-insensitive).</summary>
    public required ImmutableDictionary<string, FieldSpec> Fields { get; init; }
    public required ImmutableArray<HardFilter> Must { get; init; }
    public required ImmutableArray<Disqualifier> Exclude { get; init; }
    public required ImmutableArray<Signal> Signals { get; init; }
    public required ImmutableArray<SignalGroup> Groups { get; init; }
    public UnknownPolicy Unknown { get; init; }
    public required TierThresholds Tiers { get; init; }
    public required ImmutableArray<Persona> Personas { get; init; }
}

/// <summary>A field the profile reads: its type and the data column it comes from.</summary>
public sealed record FieldSpec(string Name, FieldType Type, string? Column, string Separator, SourceLocation Location)
{
    /// <summary>The column to look for in the data: <c>column:</c> when given, else the field name.</summary>
    public string ColumnName => Column ?? Name;
}

/// <summary>How a field's text is interpreted.</summary>
public enum FieldType { Text, Number, Date, Set, Bool }

/// <summary>A hard filter: an account that fails it is excluded.</summary>
public sealed record HardFilter(Condition Condition, string? Label);

/// <summary>A disqualifier: an account that meets it is excluded, with <see cref="Reason"/>.</summary>
public sealed record Disqualifier(Condition Condition, string? Reason, string? Label);

/// <summary>A soft signal worth <see cref="Points"/> (negative allowed) when its condition holds.</summary>
public sealed record Signal(Condition Condition, int Points, string? Group, string? Label);

/// <summary>A named group of signals with an optional cap on the points it contributes.</summary>
public sealed record SignalGroup(string Name, int? Cap);

/// <summary>A buyer persona: a named condition over contact fields (title, seniority, department ...).</summary>
public sealed record Persona(string Name, Condition Condition);

/// <summary>Score thresholds, highest first; a score below every threshold gets <see cref="Floor"/>.</summary>
public sealed record TierThresholds(ImmutableArray<Tier> Tiers, string Floor)
{
    /// <summary>A, B, C at 75, 50, 25 and D below: the defaults when a profile names no tiers.</summary>
    public static TierThresholds Default { get; } =
        new([new Tier("A", 75), new Tier("B", 50), new Tier("C", 25)], "D");

    /// <summary>The name of the tier a 0-100 score falls into.</summary>
    public string TierFor(int score)
    {
        foreach (var tier in Tiers)
            if (score >= tier.Minimum) return tier.Name;
        return Floor;
    }

    /// <summary>Every tier name, best first, ending with the floor.</summary>
    public IEnumerable<string> Names => Tiers.Select(t => t.Name).Append(Floor);
}

/// <summary>A tier and the minimum 0-100 score that reaches it.</summary>
public sealed record Tier(string Name, int Minimum);
