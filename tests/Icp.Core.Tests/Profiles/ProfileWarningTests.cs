using Icp.TestSupport;

namespace Icp.Core.Tests.Profiles;

/// <summary>Profiles that load but that a RevOps lead should look at again.</summary>
public sealed class ProfileWarningTests
{
    [Fact]
    public void A_profile_with_only_positive_signals_warns_that_nothing_rules_an_account_out()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "no negative criteria: no hard filter, disqualifier or negative signal", 1, 1);
    }

    [Theory]
    [InlineData("must:\n  - country: US\n")]
    [InlineData("exclude:\n  - country: FR\n    reason: no entity\n")]
    [InlineData("signals:\n  - country: FR\n    points: -5\n")]
    public void A_hard_filter_disqualifier_or_negative_signal_counts_as_a_negative_criterion(string extra)
    {
        var result = Some.Load("icp: t\nsignals:\n  - industry: Software\n    points: 10\n" + extra.Replace("signals:\n", "", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.DoesNotContain(result.Warnings, w => w.Message.StartsWith("no negative criteria", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_without_positive_signals_warns_that_every_account_scores_0()
    {
        var result = Some.Load("""
            icp: t
            must:
              - country: US
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "no signal earns positive points: every account scores 0 and no account reaches tier A", 1, 1);
    }

    [Fact]
    public void Contradictory_numeric_hard_filters_warn_at_the_last_one()
    {
        var result = Some.Load("""
            icp: t
            must:
              - employees: { gte: 100 }
              - employees: { lte: 50 }
            signals:
              - industry: Software
                points: 10
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "contradictory hard filters on 'employees': no value is both >= 100 and <= 50, so every account is excluded", 4, 5);
    }

    [Fact]
    public void Overlapping_numeric_hard_filters_do_not_warn()
    {
        var result = Some.Load("""
            icp: t
            must:
              - employees: { gte: 50 }
              - employees: { between: [10, 500] }
            signals:
              - industry: Software
                points: 10
            """);

        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("contradictory", StringComparison.Ordinal));
    }

    [Fact]
    public void Contradictory_set_hard_filters_warn()
    {
        var result = Some.Load("""
            icp: t
            must:
              - country: [US, CA]
              - country: { in: [FR, DE] }
            signals:
              - industry: Software
                points: 10
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "contradictory hard filters on 'country': no value is in every list, so every account is excluded", 4, 5);
    }

    [Fact]
    public void A_hard_filter_whose_every_value_is_disqualified_warns()
    {
        var result = Some.Load("""
            icp: t
            must:
              - country: [US, CA]
            exclude:
              - country: { in: [us, ca, mx] }
                reason: no entity
            signals:
              - industry: Software
                points: 10
            """);

        Diagnose.Warning(result, "contradictory filters on 'country': every value the hard filter allows is also a disqualifier", 3, 5);
    }

    [Fact]
    public void A_disqualifier_without_a_reason_warns_at_the_criterion()
    {
        var result = Some.Load("""
            icp: t
            exclude:
              - industry: Government
            signals:
              - industry: Software
                points: 10
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "this disqualifier has no 'reason': reps will see that an account is excluded but not why", 3, 5);
    }

    [Fact]
    public void A_group_with_no_signals_warns_and_suggests_the_closest_group()
    {
        var result = Some.Load("""
            icp: t
            signals:
              - industry: Software
                points: 10
                group: firmographics
            groups:
              firmographic: { cap: 40 }
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "group 'firmographic' has no signals — did you mean 'firmographics'?", 7, 3);
    }

    [Fact]
    public void A_signal_worth_0_points_warns()
    {
        var result = Some.Load("""
            icp: t
            must:
              - country: US
            signals:
              - industry: Software
                points: 0
              - industry: Fintech
                points: 5
            """);

        Diagnose.Warning(result, "a signal worth 0 points changes no score", 6, 13);
    }

    [Fact]
    public void A_declared_field_no_criterion_uses_warns()
    {
        var result = Some.Load("""
            icp: t
            fields:
              revenue: { type: number }
            must:
              - country: US
            signals:
              - industry: Software
                points: 5
            """);

        Assert.True(result.Succeeded);
        Diagnose.Warning(result, "field 'revenue' is declared but no criterion uses it", 3, 3);
    }
}
