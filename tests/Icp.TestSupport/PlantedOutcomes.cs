using System.Globalization;
using System.Text;

namespace Icp.TestSupport;

/// <summary>
/// Accounts with outcomes drawn from known rules, to check that <c>icp learn</c> finds them: fintech wins more,
/// 50-499 employees win more, countries Atlantis and Lemuria never win; <c>colour</c>, <c>noise_number</c> and the
/// <c>tools</c> list are pure noise. Rows are a pure function of the seed.
/// </summary>
public static class PlantedOutcomes
{
    public static readonly string[] Columns = ["company", "industry", "employees", "country", "colour", "noise_number", "tools", "outcome"];
    public static readonly string[] DisqualifiedCountries = ["Atlantis", "Lemuria"];

    private static readonly string[] Industries = ["Fintech", "Software", "Retail", "Manufacturing", "Healthcare", "Logistics"];
    private static readonly string[] CountryNames = ["United States", "Germany", "France", "United Kingdom", "Atlantis", "Lemuria"];
    private static readonly double[] CountryWeights = [0.35, 0.2, 0.15, 0.15, 0.075, 0.075];
    private static readonly string[] Colours = ["red", "green", "blue", "yellow"];
    private static readonly string[] Tools = ["Slack", "Notion", "Jira", "Zoom"];

    public static string[][] Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new string[count][];
        for (var i = 0; i < count; i++)
        {
            var industry = Industries[random.Next(Industries.Length)];
            var employees = (int)Math.Round(Math.Exp(Math.Log(5) + random.NextDouble() * (Math.Log(5000) - Math.Log(5))));
            var country = Pick(random, CountryNames, CountryWeights);
            var tools = string.Join("; ", Tools.Where(_ => random.NextDouble() < 0.4));
            var logit = -1.6 + (industry == "Fintech" ? 1.6 : 0) + (employees is >= 50 and < 500 ? 1.4 : 0);
            var won = !DisqualifiedCountries.Contains(country) && random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            rows[i] =
            [
                $"Company {i + 1}", industry, employees.ToString(CultureInfo.InvariantCulture), country,
                Colours[random.Next(Colours.Length)], (random.NextDouble() * 1000).ToString("0.0", CultureInfo.InvariantCulture),
                tools, won ? "Won" : "Lost",
            ];
        }
        return rows;
    }

    /// <summary>The rows as CSV text with a header.</summary>
    public static string Csv(int count, int seed)
    {
        var csv = new StringBuilder(string.Join(',', Columns)).Append('\n');
        foreach (var row in Rows(count, seed)) csv.Append(string.Join(',', row)).Append('\n');
        return csv.ToString();
    }

    private static string Pick(Random random, string[] items, double[] weights)
    {
        var x = random.NextDouble();
        for (var i = 0; i < items.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return items[i];
        }
        return items[^1];
    }
}
