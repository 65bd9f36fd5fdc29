using Icp.TestSupport;

namespace Icp.Core.Tests.Profiles;

/// <summary>Every mistake is reported with the exact line and column it was made at.</summary>
public sealed class ProfileErrorTests
{
    [Fact]
    public void Unknown_top_level_key_suggests_the_closest_one()
    {
        var result = Some.Load("""
            icp: t
            signls:
              - industry: Software
                points: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "unknown top-level key 'signls' — did you mean 'signals'?", 2, 1);
    }

    [Fact]
    public void Unknown_top_level_key_with_nothing_close_lists_the_keys()
    {
        var result = Some.Load("""
            icp: t
            colour: red
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "unknown top-level key 'colour'; expected one of icp, version, description, entity, review_by, fields, must, exclude, signals, groups, unknown, tiers, personas", 2, 1);
    }

    [Fact]
    public void Unknown_operator_suggests_the_closest_one()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { betwen: [1, 2] }
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "unknown operator 'betwen' for field 'employees' — did you mean 'between'?", 3, 18);
    }

    [Fact]
    public void Misspelt_meta_key_suggests_the_meta_key()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                pionts: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "unknown key 'pionts' — did you mean 'points'?", 4, 5);
    }

    [Fact]
    public void Signal_without_points_is_an_error_at_the_criterion()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                group: firmographics
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "a signal needs 'points' (a whole number, negative allowed)", 3, 5);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("ten")]
    [InlineData("1e2")]
    public void Points_that_are_not_a_whole_number_are_an_error_at_the_value(string points)
    {
        var result = Some.Load($"""
            icp: t
            signals:
              - industry: Software
                points: {points}
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, $"points must be a whole number such as 20 or -10, got '{points}'", 4, 13);
    }

    [Fact]
    public void Points_beyond_a_thousand_are_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 1001
            """);

        Diagnose.Error(result, "points must be between -1000 and 1000", 4, 13);
    }

    [Fact]
    public void Invalid_regular_expression_is_an_error_at_the_pattern()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - title: { matches: "(unclosed" }
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "invalid regular expression: ", 3, 23);
    }

    [Fact]
    public void Between_with_one_value_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { between: [50] }
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "'between' takes two values: [low, high]", 3, 27);
    }

    [Fact]
    public void Between_with_the_low_bound_above_the_high_bound_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { between: [500, 50] }
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "'between' low bound is above its high bound", 3, 27);
    }

    [Fact]
    public void Between_dates_with_the_low_bound_above_the_high_bound_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - founded: { between: [2024-06-01, 2024-01-01] }
                points: 5
            """);

        Diagnose.Error(result, "'between' low bound is above its high bound", 3, 25);
    }

    [Fact]
    public void A_set_operator_on_a_declared_number_field_is_a_type_mismatch()
    {
        var result = Some.Load("""
            icp: t
            fields:
              employees: { type: number }
            signals:
              - employees: { any: [10] }
                points: 5
            """);

        Diagnose.Fails(result);
        var error = Diagnose.Error(result, "'any' needs a set field (e.g. a tech stack), but field 'employees' is number", 5, 23);
        Assert.DoesNotContain("inferred", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_mismatch_on_an_inferred_type_says_how_to_declare_it()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { between: [1, 5] }
                points: 5
              - employees: { matches: "x" }
                points: 5
            """);

        Diagnose.Error(result, "'matches' needs a text field, but field 'employees' is number (inferred; declare its type under 'fields')", 5, 27);
    }

    [Fact]
    public void A_number_in_a_number_operator_must_parse()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { gte: lots }
                points: 5
            """);

        // 'lots' is neither a number nor a date, so the field is inferred a number and the value fails.
        Diagnose.Error(result, "expected a number such as 500, 10k or 2.5M, got 'lots'", 3, 23);
    }

    [Fact]
    public void Invalid_period_is_an_error_at_the_period()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - founded: { within: 18 moons }
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "expected a period such as '18 months', '90 days' or '2 years', got '18 moons'", 3, 24);
    }

    [Fact]
    public void Duplicate_criteria_are_an_error_naming_the_first_line()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
              - industry: software
                points: 5
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "duplicate criterion in 'signals': 'industry=software' is already at line 3", 5, 5);
    }

    [Fact]
    public void Duplicate_hard_filters_are_an_error()
    {
        var result = Some.Load("""
            icp: t
            must:
              - employees: { gte: 10 }
              - employees: { gte: 10 }
            """);

        Diagnose.Error(result, "duplicate criterion in 'must': 'employees>=10' is already at line 3", 4, 5);
    }

    [Fact]
    public void A_profile_without_must_exclude_or_signals_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            description: nothing to score with
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "the profile has no must, exclude or signals: it would give every account the same score", 1, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void An_empty_file_is_an_error_at_its_start(string yaml)
    {
        var result = Some.Load(yaml);

        Diagnose.Fails(result);
        Diagnose.Error(result, "the profile is empty", 1, 1);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_an_error()
    {
        var result = Some.Load("- just\n- a list\n");

        Diagnose.Error(result, "a profile is a mapping of keys such as icp, must, signals and tiers", 1, 1);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_at_the_place_the_parser_stopped()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
               bad: indentation
            """);

        Diagnose.Fails(result);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Location.Line);
        Assert.True(error.Location.Column > 0);
    }

    [Fact]
    public void A_tier_above_100_is_an_error_at_its_value()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
            tiers: { A: 101, B: 50 }
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "tier 'A': the minimum score is a whole number from 0 to 100, got '101'", 5, 13);
    }

    [Fact]
    public void A_negative_tier_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
            tiers: { A: -5 }
            """);

        Diagnose.Error(result, "tier 'A': the minimum score is a whole number from 0 to 100, got '-5'", 5, 13);
    }

    [Fact]
    public void Two_tiers_with_the_same_minimum_are_an_error_at_the_second()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
            tiers: { A: 50, B: 50 }
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "tier 'B' has the same minimum (50) as tier 'A'", 5, 20);
    }

    [Theory]
    [InlineData("excluded")]
    [InlineData("Excluded")]
    public void Excluded_is_not_a_tier_name(string name)
    {
        var result = Some.Load($$"""
            icp: t
            signals:
              - industry: Software
                points: 10
            tiers: { {{name}}: 10, A: 50 }
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "'excluded' is reserved for excluded accounts", 5, 10);
    }

    [Fact]
    public void Two_conditions_in_one_criterion_are_an_error_at_the_second()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                country: US
                points: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "one condition per criterion: combine several with 'all_of: [...]' or 'any_of: [...]'", 4, 5);
    }

    [Fact]
    public void A_criterion_with_only_meta_keys_has_no_condition()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - points: 10
                label: nothing
            """);

        Diagnose.Error(result, "this criterion has no condition", 3, 5);
    }

    [Fact]
    public void Points_on_a_hard_filter_are_an_error()
    {
        var result = Some.Load("""
            icp: t
            must:
              - country: US
                points: 10
            """);

        Diagnose.Error(result, "'points' does not belong in 'must' (points belong to signals)", 4, 5);
    }

    [Fact]
    public void A_reason_on_a_signal_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - country: US
                points: 10
                reason: why
            """);

        Diagnose.Error(result, "'reason' does not belong in 'signals' (reasons belong to exclude)", 5, 5);
    }

    [Fact]
    public void A_section_that_is_not_a_list_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              industry: Software
            """);

        Diagnose.Error(result, "'signals' is a list of criteria, each starting with '- '", 3, 3);
    }

    [Fact]
    public void Any_of_needs_a_list()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - any_of: { industry: Software }
                points: 10
            """);

        Diagnose.Error(result, "'any_of' takes a list of conditions", 3, 13);
    }

    [Fact]
    public void A_missing_name_is_an_error()
    {
        var result = Some.Load("""
            version: 2
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "missing 'icp': give the profile a name, e.g. 'icp: mid-market-saas'", 1, 1);
    }

    [Fact]
    public void A_name_with_spaces_is_an_error()
    {
        var result = Some.Load("""
            icp: mid market
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "profile name 'mid market' may use only letters, digits, '-', '_' and '.'", 1, 6);
    }

    [Fact]
    public void A_version_that_is_not_a_whole_number_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            version: three
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "version must be a whole number from 1, got 'three'", 2, 10);
    }

    [Fact]
    public void A_misspelt_choice_suggests_the_closest_one()
    {
        var result = Some.Load("""
            icp: t
            entity: acount
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "'acount' is not one of account, lead, contact — did you mean 'account'?", 2, 9);
    }

    [Fact]
    public void An_unknown_field_type_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            fields:
              employees: { type: integer }
            signals:
              - employees: { gte: 10 }
                points: 10
            """);

        Diagnose.Error(result, "'integer' is not one of text, string, number, date, set, bool, boolean", 3, 22);
    }

    [Fact]
    public void A_separator_on_a_field_that_is_not_a_set_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            fields:
              tech: { type: text, separator: "," }
            signals:
              - tech: Salesforce
                points: 10
            """);

        Diagnose.Error(result, "field 'tech': 'separator' only applies to type set", 3, 9);
    }

    [Fact]
    public void An_unparsable_review_date_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            review_by: someday
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "review_by must be a date like 2027-06-30, got 'someday'", 2, 12);
    }

    [Fact]
    public void A_group_cap_must_be_a_positive_whole_number()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
                group: firmo
            groups:
              firmo: { cap: 0 }
            """);

        Diagnose.Error(result, "a group cap is a positive whole number of points, got '0'", 7, 17);
    }

    [Fact]
    public void A_group_name_that_cannot_be_a_column_is_an_error()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
                group: firmo graphics
            """);

        Diagnose.Fails(result);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("group name 'firmo graphics' may use only letters, digits and '_'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - employees: { betwen: [1, 2] }
                points: 5
              - industry: Software
                points: lots
            tiers: { A: 200 }
            """);

        Assert.Equal([3, 6, 7], result.Errors.Select(e => (int)e.Location.Line).Order());
    }

    [Fact]
    public void An_unclosed_bracket_is_an_error_at_the_bracket_not_a_crash()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: [Software
                points: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "invalid YAML: cannot read past this point (is a '[', '{' or quote left open?)", 3, 15);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_at_the_second()
    {
        var result = Some.Load("""
            icp: t
            icp: u
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Error(result, "invalid YAML: Duplicate key icp", 2, 1);
    }

    [Fact]
    public void A_file_of_only_comments_is_an_error()
    {
        var result = Some.Load("# nothing here yet\n");

        Diagnose.Fails(result);
        Diagnose.Error(result, "expected exactly one YAML document", 1, 1);
    }

    [Theory]
    [InlineData("fields:\n  [a]: number\nsignals:\n  - x: a\n    points: 10", 3, 3)]
    [InlineData("tiers:\n  [a]: 10\nsignals:\n  - x: a\n    points: 10", 3, 3)]
    [InlineData("groups:\n  [a]: 10\nsignals:\n  - x: a\n    points: 10", 3, 3)]
    [InlineData("personas:\n  p:\n    [a]: 1\nsignals:\n  - x: a\n    points: 10", 4, 5)]
    [InlineData("signals:\n  - x: { [a]: 1 }\n    points: 10", 3, 10)]
    [InlineData("signals:\n  - [a]: b\n    points: 10", 3, 5)]
    [InlineData("signals:\n  - any_of: [{ [a]: 1 }]\n    points: 10", 3, 16)]
    [InlineData("personas:\n  [p]: { title: cfo }\nsignals:\n  - x: a\n    points: 10", 3, 3)]
    public void A_list_used_as_a_name_is_an_error_not_a_crash(string rest, int line, int column)
    {
        var result = Some.Load("icp: t\n" + rest + "\n");

        Diagnose.Fails(result);
        Diagnose.Error(result, "expected a name here, found a list", line, column);
    }

    [Fact]
    public void A_field_whose_name_resembles_a_meta_key_is_a_condition_when_it_stands_alone()
    {
        var result = Some.Load("""
            icp: t
            exclude:
              - region: APAC
                reason: no presence
            signals:
              - industry: Software
                points: 10
            """);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("region=APAC", result.Profile!.Exclude[0].Condition.Describe());
        Assert.Equal("no presence", result.Profile.Exclude[0].Reason);
    }

    [Fact]
    public void A_misspelt_reason_beside_a_condition_suggests_reason()
    {
        var result = Some.Load("""
            icp: t
            exclude:
              - industry: Government
                reasn: slow procurement
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "unknown key 'reasn' — did you mean 'reason'?", 4, 5);
    }

    [Fact]
    public void A_misspelt_points_alone_still_suggests_points()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - pionts: 10
            """);

        Diagnose.Fails(result);
        Diagnose.Error(result, "unknown key 'pionts' — did you mean 'points'?", 3, 5);
    }

    [Fact]
    public void An_unknown_region_is_an_error_with_a_suggestion_and_the_list()
    {
        var result = Some.Load("icp: t\nsignals:\n  - country: { in_region: [DAHC] }\n    points: 10\n");
        Diagnose.Fails(result);
        var d = Diagnose.Error(result, "unknown region 'DAHC' — did you mean 'DACH'?", 3, 27);
        Assert.Contains("EMEA", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_region_on_a_number_field_says_what_it_needs()
    {
        var result = Some.Load("icp: t\nfields:\n  country: { type: number }\nsignals:\n  - country: { in_region: [EU] }\n    points: 10\n");
        Diagnose.Error(result, "'in_region' needs a text field holding a country (ISO code or name), but field 'country' is number", 5, 27);
    }
}
