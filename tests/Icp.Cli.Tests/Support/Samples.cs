namespace Icp.Cli.Tests.Support;

/// <summary>A small profile and account table the command tests share.</summary>
public static class Samples
{
    public const string Profile = """
        icp: test-saas
        version: 2
        description: software companies of 50-5000 people on a modern stack
        must:
          - employees: { between: [50, 5000] }
        exclude:
          - industry: { in: [Government] }
            reason: slow procurement
        signals:
          - industry: { in: [Software, Fintech] }
            points: 30
            group: firmographics
          - tech: { any: [Salesforce, HubSpot] }
            points: 20
            group: technographics
          - last_funding: { within: 18 months }
            points: 30
            group: triggers
          - country: { in: [FR] }
            points: -10
        tiers: { A: 70, B: 40, C: 20 }
        """;

    /// <summary>Header plus six accounts; "as of" 2026-06-30.</summary>
    public const string Accounts = """
        name,domain,industry,employees,country,tech,last_funding
        Acme,acme.com,Software,300,US,Salesforce;Slack,2026-01-15
        Beta,https://www.beta.io/about,Fintech,120,FR,HubSpot,2020-05-01
        Gov,gov.example,Government,800,US,Salesforce,2026-03-01
        Tiny,tiny.dev,Software,5,US,,
        Plain,plain.co,Retail,900,DE,Zendesk,
        AcmeDup,www.acme.com,Software,310,US,Salesforce,2026-02-01
        """;

    public static (string Profile, string Data) Write(Icp.TestSupport.TempDirectory dir) =>
        (dir.Write("profile.yaml", Profile), dir.Write("accounts.csv", Accounts + "\n"));
}
