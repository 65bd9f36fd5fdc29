using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

public sealed class PersonaTests
{
    [Fact]
    public void Contact_rows_get_the_first_persona_they_match()
    {
        var profile = Some.Profile(Some.DocumentedProfile);
        string[] columns = ["country", "Employee Count", "industry", "tech", "last_funding_date", "hiring", "title", "seniority"];

        var rows = Score.Rows(profile, columns,
            ["US", "500", "Software", "", "", "", "CFO", "c-level"],
            ["US", "500", "Software", "", "", "", "RevOps Manager", "manager"],
            ["US", "500", "Software", "", "", "", "RevOps Manager", "intern"],
            ["US", "500", "Software", "", "", "", "Head of RevOps Lead", "director"],
            ["US", "500", "Software", "", "", "", "Account Executive", "senior"],
            ["US", "500", "Software", "", "", "", "", ""]);

        Assert.Equal(["economic_buyer", "champion", "", "economic_buyer", "", ""], rows.Select(r => r["icp_persona"]));
    }

    [Fact]
    public void The_persona_column_is_added_only_when_the_data_has_every_persona_field()
    {
        var profile = Some.Profile(Some.DocumentedProfile);
        string[] accounts = ["country", "Employee Count", "industry", "tech", "last_funding_date", "hiring"];

        var withoutSeniority = ScoringPlan.Create([profile], [.. accounts, "title"], "data.csv", Score.Options());
        var withBoth = ScoringPlan.Create([profile], [.. accounts, "title", "seniority"], "data.csv", Score.Options());

        Assert.False(withoutSeniority.HasPersonas);
        Assert.DoesNotContain(ScoringPlan.PersonaColumn, withoutSeniority.ExtraColumns);
        Assert.True(withBoth.HasPersonas);
        Assert.Equal(ScoringPlan.PersonaColumn, withBoth.ExtraColumns[^1]);
    }

    [Fact]
    public void Personas_alone_compile_against_a_contact_table()
    {
        var profile = Some.Profile(Some.DocumentedProfile);
        var compiled = CompiledProfile.CompilePersonas(profile, new ColumnResolver(["name", "title", "seniority"], "contacts.csv"), Score.Options());
        var evaluator = compiled.CreateEvaluator();
        var batch = Table.Of(["name", "title", "seniority"], ["a", "VP Finance", "vp"], ["b", "Sales Ops Lead", "senior"], ["c", "Engineer", "senior"]);

        Assert.Equal([0, 1, -1], Enumerable.Range(0, 3).Select(r => evaluator.MatchPersona(batch, r)));
    }

    [Fact]
    public void Compiling_personas_alone_requires_their_fields()
    {
        var profile = Some.Profile(Some.DocumentedProfile);

        var e = Assert.Throws<InputException>(() => CompiledProfile.CompilePersonas(profile, new ColumnResolver(["name", "title"], "contacts.csv"), Score.Options()));

        Assert.StartsWith("field 'seniority' used at", e.Message, StringComparison.Ordinal);
    }
}
