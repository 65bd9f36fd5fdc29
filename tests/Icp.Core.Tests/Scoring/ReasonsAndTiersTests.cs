using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

public sealed class ReasonsAndTiersTests
{
    [Fact]
    public void Reasons_list_holding_signals_in_profile_order_with_signed_points()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - industry: { in: [Software, Fintech] }
                points: 25
              - tech: { any: [Salesforce, HubSpot] }
                points: 15
              - country: FR
                points: -10
            """);

        var row = Score.Row(profile, ("industry", "Fintech"), ("tech", "Slack; Salesforce"), ("country", "fr"));

        Assert.Equal("+25 industry=Fintech; +15 tech has Salesforce; -10 country=fr", row.Reasons);
    }

    [Fact]
    public void A_label_replaces_the_generated_text_in_reasons()
    {
        var profile = Some.Profile("""
            icp: t
            must:
              - employees: { gte: 10 }
                label: at least 10 staff
            exclude:
              - industry: Government
                reason: slow procurement
                label: public sector
            signals:
              - industry: Software
                points: 25
                label: software company
            """);

        var fit = Score.Rows(profile, ["employees", "industry"], ["50", "Software"], ["5", "Government"]);

        Assert.Equal("+25 software company", fit[0].Reasons);
        Assert.Equal("excluded: at least 10 staff; excluded: public sector (slow procurement)", fit[1].Reasons);
    }

    [Fact]
    public void Reasons_for_set_all_and_none_and_presence_name_the_condition()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - tech: { all: [Salesforce, Slack] }
                points: 10
              - stack: { none: [Oracle] }
                points: 10
              - website: { exists: true }
                points: 10
              - hiring: true
                points: 10
            """);

        var row = Score.Row(profile, ("tech", "slack; salesforce"), ("stack", "SAP"), ("website", "acme.com"), ("hiring", "yes"));

        Assert.Equal("+10 tech has all of [Salesforce, Slack]; +10 stack has none of [Oracle]; +10 website present; +10 hiring=yes", row.Reasons);
    }

    [Fact]
    public void Reasons_for_a_combination_without_a_label_use_its_description()
    {
        var profile = Some.Profile("""
            icp: t
            must:
              - any_of: [{ country: US }, { region: EU }]
            signals:
              - all_of: [{ industry: Software }, { employees: { gte: 100 } }]
                points: 10
            """);

        var rows = Score.Rows(profile, ["country", "region", "industry", "employees"], ["US", "", "Software", "500"], ["JP", "APAC", "Software", "500"]);

        Assert.Equal("+10 industry=Software and employees>=100", rows[0].Reasons);
        Assert.Equal("excluded: fails country=US or region=EU", rows[1].Reasons);
    }

    [Fact]
    public void Tiers_follow_the_thresholds_and_the_floor_is_named_by_a_0_threshold()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - a: yes
                points: 80
              - b: yes
                points: 20
            tiers: { Hot: 80, Warm: 20, Cold: 0 }
            """);

        var rows = Score.Rows(profile, ["a", "b"], ["yes", "yes"], ["yes", "no"], ["no", "yes"], ["no", "no"]);

        Assert.Equal([(100, "Hot"), (80, "Hot"), (20, "Warm"), (0, "Cold")], rows.Select(r => (r.Score, r.Tier)));
        Assert.Equal([0, 0, 1, 2], rows.Select(r => r.Verdict.Tier));
    }

    [Fact]
    public void Below_the_lowest_threshold_the_tier_is_D()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - a: yes
                points: 10
              - b: yes
                points: 90
            tiers: { A: 50, B: 20 }
            """);

        var rows = Score.Rows(profile, ["a", "b"], ["yes", "no"], ["no", "yes"]);

        Assert.Equal([(10, "D"), (90, "A")], rows.Select(r => (r.Score, r.Tier)));
    }
}
