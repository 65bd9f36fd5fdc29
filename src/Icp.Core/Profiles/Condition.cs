using System.Collections.Immutable;
using System.Globalization;

namespace Icp.Core.Profiles;

/// <summary>
/// A condition over one row. Conditions use three-valued logic: a condition on a missing value is unknown,
/// and the profile's <see cref="UnknownPolicy"/> decides what unknown means for scoring.
/// </summary>
public abstract record Condition(SourceLocation Location)
{
    /// <summary>Human text for reasons and tables, e.g. <c>employees 200-1000</c>.</summary>
    public abstract string Describe();

    /// <summary>Every field the condition reads.</summary>
    public abstract IEnumerable<string> FieldNames();
}

/// <summary>One or more predicates on a single field; every predicate must hold.</summary>
public sealed record FieldCondition(string Field, ImmutableArray<Predicate> Predicates, SourceLocation Location)
    : Condition(Location)
{
    public override string Describe() => string.Join(" and ", Predicates.Select(p => p.Describe(Field)));
    public override IEnumerable<string> FieldNames() => [Field];
}

/// <summary>Holds when at least one part holds.</summary>
public sealed record AnyOfCondition(ImmutableArray<Condition> Parts, SourceLocation Location) : Condition(Location)
{
    public override string Describe() => string.Join(" or ", Parts.Select(p => Parenthesise(p)));
    public override IEnumerable<string> FieldNames() => Parts.SelectMany(p => p.FieldNames());
    internal static string Parenthesise(Condition c) => c is FieldCondition or NotCondition ? c.Describe() : $"({c.Describe()})";
}

/// <summary>Holds when every part holds.</summary>
public sealed record AllOfCondition(ImmutableArray<Condition> Parts, SourceLocation Location) : Condition(Location)
{
    public override string Describe() => string.Join(" and ", Parts.Select(AnyOfCondition.Parenthesise));
    public override IEnumerable<string> FieldNames() => Parts.SelectMany(p => p.FieldNames());
}

/// <summary>Holds when the inner condition does not; unknown stays unknown.</summary>
public sealed record NotCondition(Condition Inner, SourceLocation Location) : Condition(Location)
{
    public override string Describe() => $"not {AnyOfCondition.Parenthesise(Inner)}";
    public override IEnumerable<string> FieldNames() => Inner.FieldNames();
}

/// <summary>The operator keywords of the profile language.</summary>
public enum Operator { Equals, In, NotIn, Between, Gt, Gte, Lt, Lte, Any, All, None, Matches, Exists, Missing, Within, OlderThan, InRegion }

/// <summary>A typed test of one field's value.</summary>
public abstract record Predicate(Operator Operator, SourceLocation Location)
{
    public abstract string Describe(string field);
    internal static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
    internal static string Num(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary><c>equals</c>, <c>in</c> or <c>not_in</c> on text: case- and whitespace-insensitive.</summary>
public sealed record TextPredicate(Operator Operator, ImmutableArray<string> Values, SourceLocation Location)
    : Predicate(Operator, Location)
{
    public override string Describe(string field) => Operator switch
    {
        Operator.Equals => $"{field}={Values[0]}",
        Operator.NotIn => $"{field} not in {List(Values)}",
        _ => Values.Length == 1 ? $"{field}={Values[0]}" : $"{field} in {List(Values)}",
    };
}

/// <summary>A numeric range (<c>between</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>, numeric <c>equals</c>).</summary>
public sealed record NumberRangePredicate(Operator Operator, double? Min, bool MinInclusive, double? Max, bool MaxInclusive, SourceLocation Location)
    : Predicate(Operator, Location)
{
    public override string Describe(string field) => RangeText(field, Min is { } a ? Num(a) : null, MinInclusive, Max is { } b ? Num(b) : null, MaxInclusive, "-");

    internal static string RangeText(string field, string? min, bool minInc, string? max, bool maxInc, string to)
    {
        if (min is not null && max is not null)
            return min == max && minInc && maxInc ? $"{field}={min}" : $"{field} {min}{to}{max}";
        if (min is not null) return $"{field}{(minInc ? ">=" : ">")}{min}";
        return $"{field}{(maxInc ? "<=" : "<")}{max}";
    }
}

/// <summary><c>in</c> / <c>not_in</c> on a number field.</summary>
public sealed record NumberSetPredicate(Operator Operator, ImmutableArray<double> Values, SourceLocation Location)
    : Predicate(Operator, Location)
{
    public override string Describe(string field) =>
        $"{field} {(Operator == Operator.NotIn ? "not in" : "in")} {List(Values.Select(Num))}";
}

/// <summary>A date range (<c>between</c>, <c>gt</c> ... on dates).</summary>
public sealed record DateRangePredicate(Operator Operator, DateOnly? Min, bool MinInclusive, DateOnly? Max, bool MaxInclusive, SourceLocation Location)
    : Predicate(Operator, Location)
{
    public override string Describe(string field) =>
        NumberRangePredicate.RangeText(field, Min?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MinInclusive, Max?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MaxInclusive, " to ");
}

/// <summary>A calendar period such as "18 months"; months and years follow the calendar.</summary>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    /// <summary>The date <see cref="Amount"/> units before <paramref name="asOf"/>.</summary>
    public DateOnly Before(DateOnly asOf) => Unit switch
    {
        PeriodUnit.Days => asOf.AddDays(-Amount),
        PeriodUnit.Weeks => asOf.AddDays(-7 * Amount),
        PeriodUnit.Months => asOf.AddMonths(-Amount),
        _ => asOf.AddYears(-Amount),
    };

    public override string ToString() => $"{Amount} {Unit.ToString().ToLowerInvariant()[..^(Amount == 1 ? 1 : 0)]}";
}

public enum PeriodUnit { Days, Weeks, Months, Years }

/// <summary><c>within</c> / <c>older_than</c>: a date relative to the as-of date.</summary>
public sealed record RecencyPredicate(Operator Operator, Period Period, SourceLocation Location) : Predicate(Operator, Location)
{
    public override string Describe(string field) =>
        Operator == Operator.Within ? $"{field} within {Period}" : $"{field} older than {Period}";
}

/// <summary><c>any</c> / <c>all</c> / <c>none</c> on a set field such as a tech stack.</summary>
public sealed record SetPredicate(Operator Operator, ImmutableArray<string> Tokens, SourceLocation Location) : Predicate(Operator, Location)
{
    public override string Describe(string field) => Operator switch
    {
        Operator.Any => Tokens.Length == 1 ? $"{field} has {Tokens[0]}" : $"{field} has any of {List(Tokens)}",
        Operator.All => $"{field} has all of {List(Tokens)}",
        _ => $"{field} has none of {List(Tokens)}",
    };
}

/// <summary><c>matches</c>: a .NET regular expression, run with a timeout.</summary>
public sealed record RegexPredicate(string Pattern, SourceLocation Location) : Predicate(Operator.Matches, Location)
{
    public override string Describe(string field) => $"{field} matches /{Pattern}/";
}

/// <summary>
/// <c>in_region</c>: the field names a country (ISO code, name or common variant such as "U.S.A.") that belongs to
/// one of the region groups (EMEA, DACH, NORDICS ...). <paramref name="Countries"/> holds the groups' alpha-2 codes.
/// </summary>
public sealed record RegionPredicate(ImmutableArray<string> Regions, ImmutableHashSet<string> Countries, SourceLocation Location)
    : Predicate(Operator.InRegion, Location)
{
    public override string Describe(string field) => Regions.Length == 1 ? $"{field} in {Regions[0]}" : $"{field} in any of {List(Regions)}";
}

/// <summary><c>exists</c> / <c>missing</c>.</summary>
public sealed record PresencePredicate(bool MustExist, SourceLocation Location)
    : Predicate(MustExist ? Operator.Exists : Operator.Missing, Location)
{
    public override string Describe(string field) => MustExist ? $"{field} present" : $"{field} missing";
}

/// <summary><c>equals: true|false</c> on a boolean field.</summary>
public sealed record BoolPredicate(bool Value, SourceLocation Location) : Predicate(Operator.Equals, Location)
{
    public override string Describe(string field) => Value ? field : $"not {field}";
}
