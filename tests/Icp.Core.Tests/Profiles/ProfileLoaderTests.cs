using Icp.Core.Profiles;
using Icp.TestSupport;

namespace Icp.Core.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    [Fact]
    public void The_documented_profile_loads_without_errors_or_warnings()
    {
        var result = Some.Load(Some.DocumentedProfile);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void The_documented_profile_has_its_header()
    {
        var p = Some.Profile(Some.DocumentedProfile);

        Assert.Equal("mid-market-saas", p.Name);
        Assert.Equal(3, p.Version);
        Assert.Equal("B2B SaaS, 200-1000 employees, US/EU, on Salesforce, recently funded.", p.Description);
        Assert.Equal(ProfileEntity.Account, p.Entity);
        Assert.Equal(new DateOnly(2027, 6, 30), p.ReviewBy);
        Assert.Equal(UnknownPolicy.Neutral, p.Unknown);
        Assert.Equal(Some.ProfileSource, p.SourceName);
    }

    [Fact]
    public void The_documented_profile_types_every_field_declared_or_inferred()
    {
        var p = Some.Profile(Some.DocumentedProfile);

        var types = p.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Name, f.Type)).ToList();
        Assert.Equal(
            [("country", FieldType.Text), ("employees", FieldType.Number), ("hiring", FieldType.Bool), ("industry", FieldType.Text),
             ("last_funding_date", FieldType.Date), ("seniority", FieldType.Text), ("tech", FieldType.Set), ("title", FieldType.Text)],
            types);
        Assert.Equal("Employee Count", p.Fields["employees"].ColumnName);
        Assert.Equal("industry", p.Fields["INDUSTRY"].ColumnName);
        Assert.Equal(";", p.Fields["tech"].Separator);
    }

    [Fact]
    public void The_documented_profile_has_its_filters_disqualifiers_and_signals()
    {
        var p = Some.Profile(Some.DocumentedProfile);

        Assert.Equal(["country in [US, CA, GB, DE, FR, NL]", "employees 50-5000"], p.Must.Select(m => m.Condition.Describe()));
        var disqualifier = Assert.Single(p.Exclude);
        Assert.Equal("industry in [Government, Education]", disqualifier.Condition.Describe());
        Assert.Equal("long procurement cycles, high churn", disqualifier.Reason);

        Assert.Equal(
            [(25, "firmographics", (string?)null), (20, "firmographics", null), (15, "technographics", null), (20, "triggers", "recently funded or hiring"), (-10, null, null)],
            p.Signals.Select(s => (s.Points, s.Group, s.Label)));
        var trigger = Assert.IsType<AnyOfCondition>(p.Signals[3].Condition);
        Assert.Equal("last_funding_date within 18 months or hiring", trigger.Describe());
    }

    [Fact]
    public void The_documented_profile_has_groups_tiers_and_personas()
    {
        var p = Some.Profile(Some.DocumentedProfile);

        Assert.Equal([new SignalGroup("firmographics", 40), new SignalGroup("technographics", null), new SignalGroup("triggers", null)], p.Groups);
        Assert.Equal([new Tier("A", 75), new Tier("B", 50), new Tier("C", 25)], p.Tiers.Tiers);
        Assert.Equal("D", p.Tiers.Floor);
        Assert.Equal(["economic_buyer", "champion"], p.Personas.Select(x => x.Name));
        Assert.Equal(@"title matches /(?i)\b(cfo|vp finance|head of revops)\b/", p.Personas[0].Condition.Describe());
        Assert.IsType<AllOfCondition>(p.Personas[1].Condition);
    }

    [Fact]
    public void A_minimal_profile_gets_the_defaults()
    {
        var p = Some.Profile("""
            icp: minimal
            signals:
              - industry: Software
                points: 10
            """);

        Assert.Equal(1, p.Version);
        Assert.Null(p.Description);
        Assert.Equal(ProfileEntity.Account, p.Entity);
        Assert.Null(p.ReviewBy);
        Assert.Equal(UnknownPolicy.Neutral, p.Unknown);
        Assert.Equal(TierThresholds.Default, p.Tiers);
        Assert.Empty(p.Groups);
        Assert.Empty(p.Personas);
    }

    [Fact]
    public void Shorthands_mean_equals_and_in()
    {
        var p = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
              - country: [US, CA]
                points: 5
            """);

        var equals = Assert.IsType<TextPredicate>(Assert.IsType<FieldCondition>(p.Signals[0].Condition).Predicates.Single());
        Assert.Equal(Operator.Equals, equals.Operator);
        var @in = Assert.IsType<TextPredicate>(Assert.IsType<FieldCondition>(p.Signals[1].Condition).Predicates.Single());
        Assert.Equal(Operator.In, @in.Operator);
        Assert.Equal(["US", "CA"], @in.Values);
    }

    [Fact]
    public void Several_operators_on_one_field_all_apply()
    {
        var p = Some.Profile("""
            icp: t
            signals:
              - employees: { gte: 50, lt: 5k }
                points: 10
            """);

        var condition = Assert.IsType<FieldCondition>(p.Signals[0].Condition);
        Assert.Equal(2, condition.Predicates.Length);
        Assert.Equal("employees>=50 and employees<5000", condition.Describe());
    }

    [Fact]
    public void Entity_and_unknown_policy_are_read()
    {
        var p = Some.Profile("""
            icp: t
            entity: contact
            unknown: no_match
            signals:
              - industry: Software
                points: 10
            """);

        Assert.Equal(ProfileEntity.Contact, p.Entity);
        Assert.Equal(UnknownPolicy.NoMatch, p.Unknown);
    }

    [Fact]
    public void Tiers_are_ordered_highest_first_and_a_zero_threshold_names_the_floor()
    {
        var p = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
            tiers: { Cold: 0, Hot: 80, Warm: 40 }
            """);

        Assert.Equal([new Tier("Hot", 80), new Tier("Warm", 40)], p.Tiers.Tiers);
        Assert.Equal("Cold", p.Tiers.Floor);
        Assert.Equal(["Hot", "Warm", "Cold"], p.Tiers.Names);
        Assert.Equal("Hot", p.Tiers.TierFor(80));
        Assert.Equal("Warm", p.Tiers.TierFor(79));
        Assert.Equal("Cold", p.Tiers.TierFor(39));
        Assert.Equal("Cold", p.Tiers.TierFor(0));
    }

    [Fact]
    public void Default_tiers_map_scores_to_A_B_C_and_D()
    {
        var tiers = TierThresholds.Default;

        Assert.Equal(["A", "A", "B", "B", "C", "C", "D", "D"],
            new[] { 100, 75, 74, 50, 49, 25, 24, 0 }.Select(tiers.TierFor));
    }

    [Fact]
    public void Group_caps_may_be_written_as_a_bare_number()
    {
        var p = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
                group: firmo
            groups:
              firmo: 30
            """);

        Assert.Equal([new SignalGroup("firmo", 30)], p.Groups);
    }

    [Fact]
    public void Loading_a_missing_file_is_an_error_naming_the_path()
    {
        var result = ProfileLoader.LoadFile("/nonexistent/profile.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("profile not found: /nonexistent/profile.yaml", error.Message);
        Assert.Equal("/nonexistent/profile.yaml", error.Location.Source);
    }

    [Fact]
    public void Loading_a_file_reads_it_and_names_it_as_the_source()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("p.yaml", "icp: t\nsignals:\n  - industry: Software\n    points: 10\n");

        var result = ProfileLoader.LoadFile(path);

        Assert.True(result.Succeeded);
        Assert.Equal(path, result.Profile!.SourceName);
    }

    [Fact]
    public void GetProfileOrThrow_throws_a_ProfileException_carrying_every_diagnostic()
    {
        var result = Some.Load("icp: t\nsignls: []\n");

        var e = Assert.Throws<ProfileException>(result.GetProfileOrThrow);
        Assert.Equal(result.Diagnostics, e.Diagnostics);
        Assert.Equal(new SourceLocation(Some.ProfileSource, 2, 1), e.Location);
        Assert.StartsWith("profile.yaml:2:1: error: unknown top-level key 'signls'", e.Message, StringComparison.Ordinal);
    }
}
