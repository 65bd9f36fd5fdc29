using Icp.Core.Profiles;

namespace Icp.TestSupport;

/// <summary>Test data that would otherwise be copy-pasted: profiles from YAML text.</summary>
public static class Some
{
    /// <summary>The source name every test profile is parsed under, so locations read "profile.yaml:3:5".</summary>
    public const string ProfileSource = "profile.yaml";

    /// <summary>Parses <paramref name="yaml"/> and returns the profile; throws with every diagnostic when it does not load.</summary>
    public static Profile Profile(string yaml)
    {
        var result = Load(yaml);
        if (result.Profile is null)
            throw new InvalidOperationException("the test profile does not load:" + Environment.NewLine
                + string.Join(Environment.NewLine, result.Diagnostics));
        return result.Profile;
    }

    /// <summary>Parses <paramref name="yaml"/> and returns every diagnostic, loaded or not.</summary>
    public static ProfileLoadResult Load(string yaml) => ProfileLoader.Parse(yaml, ProfileSource);

    /// <summary>A profile named <paramref name="name"/> with the given <c>signals:</c> items (YAML list text).</summary>
    public static Profile WithSignals(string signalsYaml, string name = "test") =>
        Profile($"icp: {name}\nsignals:\n{signalsYaml}");

    /// <summary>The full example profile of docs/profile-format.md.</summary>
    public const string DocumentedProfile = """
        icp: mid-market-saas          # name (letters, digits, - and _)
        version: 3                    # a number you bump on every change
        description: B2B SaaS, 200-1000 employees, US/EU, on Salesforce, recently funded.
        entity: account               # account (default), lead or contact
        review_by: 2027-06-30         # optional: when the team promised to look at it again

        fields:                       # optional: types and source columns; inferred otherwise
          employees: { type: number, column: "Employee Count" }
          tech:      { type: set, separator: ";" }
          last_funding_date: { type: date }

        must:                         # hard filters: every one must hold, or the account is excluded
          - country: { in: [US, CA, GB, DE, FR, NL] }
          - employees: { between: [50, 5000] }

        exclude:                      # disqualifiers: any one that holds excludes the account
          - industry: { in: [Government, Education] }
            reason: long procurement cycles, high churn

        signals:                      # soft signals: points when they hold (negative points allowed)
          - industry: { in: [Software, Fintech] }
            points: 25
            group: firmographics
          - employees: { between: [200, 1000] }
            points: 20
            group: firmographics
          - tech: { any: [Salesforce, HubSpot] }
            points: 15
            group: technographics
          - any_of:                   # OR inside one rule
              - last_funding_date: { within: 18 months }
              - hiring: { equals: true }
            points: 20
            group: triggers
            label: recently funded or hiring
          - country: { in: [FR] }
            points: -10

        groups:                       # optional: a points cap per group
          firmographics: { cap: 40 }

        unknown: neutral              # neutral (default) or no_match, see below
        tiers: { A: 75, B: 50, C: 25 } # minimum score per tier; below the last: D

        personas:                     # matched against contact rows (title, seniority, department ...)
          economic_buyer:
            title: { matches: "(?i)\\b(cfo|vp finance|head of revops)\\b" }
          champion:
            title: { matches: "(?i)\\b(revops|sales ops) (manager|lead)\\b" }
            seniority: { not_in: [intern] }
        """;
}
