namespace Icp.Bench.Generation;

/// <summary>
/// Generates a realistic table of B2B accounts (firmographics, technographics, funding and intent signals)
/// and streams it to CSV. Deterministic: one seeded <see cref="Random"/> drives every choice in a fixed order
/// and every value is formatted invariantly, so the same seed and row count give a byte-identical file.
/// </summary>
/// <remarks>
/// Distributions are shaped like purchased account lists: a skewed industry mix, log-normal company sizes,
/// revenue that follows head count, a US-heavy country mix, tech stacks that grow with size, funding that
/// depends on industry and age, and 3-10% missing values per column so the scorer's unknown policy is exercised.
/// Rows are written one at a time; memory stays flat whatever the row count.
/// </remarks>
public sealed class AccountTableGenerator
{
    /// <summary>The fixed "today" of the data set: funding dates lie in the ten years before it.</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    /// <summary>The header, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "account_id", "name", "domain", "industry", "employees", "revenue_usd", "country", "region", "city",
        "tech_stack", "crm", "founded_year", "last_funding_date", "funding_stage", "total_funding_usd",
        "is_public", "website_visits_30d", "pricing_page_visits_30d", "open_opportunities", "hiring_sales",
        "description",
    ];

    private readonly Random _random;

    public AccountTableGenerator(int seed) => _random = new Random(seed);

    /// <summary>Writes the header and <paramref name="rows"/> accounts to <paramref name="path"/> (created or replaced).</summary>
    public static void WriteFile(string path, long rows, int seed)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.SequentialScan))
        using (var csv = new CsvRowWriter(stream))
        {
            new AccountTableGenerator(seed).Write(csv, rows);
        }
        File.Move(temp, path, overwrite: true);
    }

    internal void Write(CsvRowWriter csv, long rows)
    {
        foreach (var column in Columns) csv.Text(column);
        csv.EndRow();
        for (long i = 1; i <= rows; i++) WriteAccount(csv, i);
    }

    private void WriteAccount(CsvRowWriter csv, long number)
    {
        var r = _random;
        var industryIndex = Industries.NextIndex(r);
        var industry = Industries[industryIndex];
        var profile = IndustryProfiles[industryIndex];
        var countryIndex = Countries.NextIndex(r);
        var country = Countries[countryIndex];

        var employees = (int)Math.Clamp(Math.Round(Math.Exp(Gaussian(Math.Log(35) + profile.SizeShift, 1.7))), 1, 200_000);
        var revenue = Math.Round(employees * profile.RevenuePerEmployee * Math.Exp(Gaussian(0, 0.45)) / 1000) * 1000;
        var age = (int)Math.Clamp(Math.Round(Math.Exp(Gaussian(Math.Log(9) + 0.12 * Math.Log(employees), 0.75))), 1, 170);
        var founded = AsOf.Year - age;

        var isPublic = r.NextDouble() < (employees > 10_000 ? 0.45 : employees > 2_000 ? 0.15 : employees > 500 ? 0.04 : 0.005);
        var funded = !isPublic && r.NextDouble() < profile.FundedShare * (age > 30 ? 0.3 : 1.0);
        DateOnly? lastFunding = null;
        string? stage;
        long? totalFunding = null;
        if (funded)
        {
            var daysAgo = (int)(3650 * Math.Pow(r.NextDouble(), 1.5));
            lastFunding = AsOf.AddDays(-daysAgo);
            var stageIndex = Math.Clamp(StageForSize(employees) + r.Next(-1, 2), 0, FundingStages.Length - 1);
            stage = FundingStages[stageIndex].Name;
            totalFunding = (long)(Math.Round(FundingStages[stageIndex].TypicalTotal * Math.Exp(Gaussian(0, 0.6)) / 100_000) * 100_000);
        }
        else
        {
            stage = isPublic ? "Public" : r.NextDouble() < 0.6 ? "Bootstrapped" : null;
        }
        var recentlyFunded = lastFunding is { } lf && lf >= AsOf.AddMonths(-18);

        Span<int> stack = stackalloc int[8];
        var stackSize = PickTechStack(employees, profile, stack);
        var crm = PickCrm(stack[..stackSize]);
        if (crm is null && r.NextDouble() < 0.55) crm = OtherCrms[r.Next(OtherCrms.Length)];

        var visits = (long)Math.Round(Math.Exp(Gaussian(Math.Log(40 * Math.Pow(employees, 0.6)), 1.0)));
        // Most accounts barely look at pricing; about one in five is in market and looks a lot.
        var inMarket = r.NextDouble() < 0.2;
        var pricingRate = inMarket ? 0.005 + 0.025 * r.NextDouble() : 0.0005 + 0.0015 * r.NextDouble();
        var pricingVisits = (long)Math.Floor(visits * pricingRate + r.NextDouble());
        var opportunityDraw = r.NextDouble() * (inMarket ? 0.5 : 1.0);
        var opportunities = opportunityDraw < 0.012 ? 3 + r.Next(3) : opportunityDraw < 0.04 ? 2 : opportunityDraw < 0.12 ? 1 : 0;
        var hiring = r.NextDouble() < 0.12 + (recentlyFunded ? 0.35 : 0) + (employees is >= 50 and <= 2000 ? 0.1 : 0);

        var name = CompanyName(profile, countryIndex, out var slug);
        var cityIndex = (int)(Math.Pow(r.NextDouble(), 2) * country.Cities.Length);

        csv.Text($"ACC{number:D8}");
        csv.Text(name);
        if (Present(0.05)) csv.Text(slug + DomainSuffix(country, industryIndex)); else csv.Missing();
        if (Present(0.05)) csv.Text(industry.Name); else csv.Missing();
        csv.Integer(Present(0.06) ? employees : null);
        csv.Integer(Present(0.10) ? (long)Math.Max(revenue, 1000) : null);
        var countryPresent = Present(0.04);
        if (countryPresent) csv.Text(country.Code); else csv.Missing();
        if (Present(countryPresent ? 0.05 : 0.6)) csv.Text(country.Region); else csv.Missing();
        if (Present(0.07)) csv.Text(country.Cities[cityIndex]); else csv.Missing();
        WriteTechStack(csv, stack[..stackSize]);
        if (crm is not null && Present(0.08)) csv.Text(crm); else csv.Missing();
        csv.Integer(Present(0.05) ? founded : null);
        csv.Date(Present(0.05) ? lastFunding : null);
        if (stage is not null && Present(0.07)) csv.Text(stage); else csv.Missing();
        csv.Integer(Present(0.05) ? totalFunding : null);
        csv.Boolean(Present(0.05) ? isPublic : null);
        var visitsPresent = Present(0.08);
        csv.Integer(visitsPresent ? visits : null);
        csv.Integer(visitsPresent && Present(0.03) ? pricingVisits : null);
        csv.Integer(Present(0.05) ? opportunities : null);
        csv.Boolean(Present(0.08) ? hiring : null);
        if (Present(0.06)) csv.Text(Description(name, industry.Name, profile, country.Cities[cityIndex], founded)); else csv.Missing();
        csv.EndRow();
    }

    /// <summary>True with probability 1 - <paramref name="missingShare"/>: whether a column gets a value.</summary>
    private bool Present(double missingShare) => _random.NextDouble() >= missingShare;

    private double Gaussian(double mean, double deviation)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static int StageForSize(int employees) =>
        employees < 10 ? 0 : employees < 30 ? 1 : employees < 100 ? 2 : employees < 300 ? 3 : employees < 1000 ? 4 : employees < 5000 ? 5 : 6;

    private int PickTechStack(int employees, IndustryProfile profile, Span<int> chosen)
    {
        var r = _random;
        var count = (int)Math.Clamp(Math.Floor(1.0 + 1.1 * Math.Log10(employees) + Gaussian(0, 1.3) + profile.TechAffinity), 0, chosen.Length);
        var picked = 0;
        var attempts = 0;
        while (picked < count && attempts++ < 64)
        {
            // Popularity times the industry's affinity, by rejection: cheap, and the lists are short.
            var tool = Tools.NextIndex(r);
            if (chosen[..picked].Contains(tool)) continue;
            if (r.NextDouble() > ToolAffinity(profile, tool)) continue;
            chosen[picked++] = tool;
        }
        return picked;
    }

    private static double ToolAffinity(IndustryProfile profile, int tool) => profile.Kind switch
    {
        IndustryKind.Digital => 1.0,
        IndustryKind.Commerce => tool is ToolShopify or ToolStripe ? 1.0 : ModernDataTools.Contains(tool) ? 0.35 : 0.8,
        _ => ModernDataTools.Contains(tool) ? 0.25 : tool is ToolShopify ? 0.2 : 0.8,
    };

    private static string? PickCrm(ReadOnlySpan<int> stack)
    {
        if (stack.Contains(ToolSalesforce)) return "Salesforce";
        if (stack.Contains(ToolHubSpot)) return "HubSpot";
        return null;
    }

    private void WriteTechStack(CsvRowWriter csv, ReadOnlySpan<int> stack)
    {
        if (stack.IsEmpty)
        {
            csv.Missing();
            return;
        }
        Span<char> buffer = stackalloc char[512];
        var separator = _random.NextDouble() < 0.15 ? "; " : ";";
        var length = 0;
        for (var i = 0; i < stack.Length; i++)
        {
            if (i > 0)
            {
                separator.CopyTo(buffer[length..]);
                length += separator.Length;
            }
            var tool = Tools[stack[i]];
            tool.CopyTo(buffer[length..]);
            // A few hand-typed entries in lower case, so matching has to be case-insensitive.
            if (_random.NextDouble() < 0.02) buffer.Slice(length, tool.Length).ToString().ToLowerInvariant().CopyTo(buffer[length..]);
            length += tool.Length;
        }
        csv.Text(buffer[..length]);
    }

    private string CompanyName(IndustryProfile profile, int countryIndex, out string slug)
    {
        var r = _random;
        var first = NamePrefixes[r.Next(NamePrefixes.Length)];
        var second = NameCores[r.Next(NameCores.Length)];
        var word = profile.NameWords[r.Next(profile.NameWords.Length)];
        var baseName = first + second;
        slug = (r.NextDouble() < 0.3 ? baseName + "-" + word : baseName).ToLowerInvariant();
        var name = r.NextDouble() < 0.7 ? baseName + " " + word : baseName;
        if (r.NextDouble() < 0.3)
        {
            var forms = Countries[countryIndex].LegalForms;
            var form = forms[r.Next(forms.Length)];
            // "Acme, Inc." style names need CSV quoting.
            name = form is "Inc." or "LLC" && r.NextDouble() < 0.5 ? name + ", " + form : name + " " + form;
        }
        return name;
    }

    private string DomainSuffix(Country country, int industryIndex)
    {
        if (country.Tld == ".com" && IndustryProfiles[industryIndex].Kind == IndustryKind.Digital && _random.NextDouble() < 0.3) return ".io";
        return _random.NextDouble() < 0.2 ? ".com" : country.Tld;
    }

    private string Description(string name, string industry, IndustryProfile profile, string city, int founded)
    {
        var r = _random;
        var product = profile.Products[r.Next(profile.Products.Length)];
        var audience = Audiences[r.Next(Audiences.Length)];
        return r.Next(5) switch
        {
            0 => $"{name} builds {product} for {audience}, helping teams {Benefits[r.Next(Benefits.Length)]}.",
            1 => $"{industry} company based in {city}, serving {audience} since {founded}.",
            2 => $"Provider of {product}, {profile.Products[r.Next(profile.Products.Length)]} and related services for {audience}.",
            3 => r.NextDouble() < 0.15
                ? $"Self-described \"{Adjectives[r.Next(Adjectives.Length)]}\" {product} platform for {audience}."
                : $"{Capitalised(Adjectives[r.Next(Adjectives.Length)])} {product} platform for {audience}, with an open API.",
            _ => $"Family-owned {industry.ToLowerInvariant()} business in {city}; {product}, consulting, and support.",
        };
    }

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));

    private enum IndustryKind { Digital, Commerce, Traditional }

    private sealed record IndustryProfile(
        IndustryKind Kind, double SizeShift, double RevenuePerEmployee, double FundedShare, double TechAffinity,
        string[] NameWords, string[] Products);

    private sealed record Country(string Code, string Region, string Tld, string[] LegalForms, string[] Cities);

    private sealed record FundingStage(string Name, double TypicalTotal);

    private static readonly Weighted<(string Name, int Profile)> Industries = new(
        (("Software", 0), 14), (("Fintech", 1), 6), (("Healthcare", 2), 8), (("Retail", 3), 7),
        (("Manufacturing", 4), 9), (("Financial Services", 5), 6), (("Professional Services", 6), 7),
        (("Education", 7), 4), (("Government", 8), 3), (("Media & Entertainment", 9), 3),
        (("Telecommunications", 10), 2), (("Logistics", 11), 4), (("Construction", 12), 4), (("Real Estate", 13), 4),
        (("Hospitality", 14), 3), (("Energy", 15), 2), (("Insurance", 16), 3), (("Biotech", 17), 2),
        (("E-commerce", 18), 4), (("Marketing & Advertising", 19), 3), (("Automotive", 20), 2),
        (("Agriculture", 21), 1), (("Non-profit", 22), 2), (("Cybersecurity", 23), 2), (("Legal", 24), 2));

    private static readonly string[] SoftwareWords = ["Software", "Systems", "Technologies", "Labs", "AI", "Cloud", "Data"];
    private static readonly string[] SoftwareProducts = ["analytics software", "workflow automation", "developer tools", "AI-powered support", "data pipelines", "cloud infrastructure", "project management tools", "an API platform"];

    private static readonly IndustryProfile[] IndustryProfiles =
    [
        new(IndustryKind.Digital, 0.0, 180_000, 0.55, 0.6, SoftwareWords, SoftwareProducts),
        new(IndustryKind.Digital, -0.1, 260_000, 0.65, 0.6, ["Pay", "Capital", "Ledger", "Finance", "Money"], ["payment APIs", "fraud detection", "expense management", "lending software", "treasury automation"]),
        new(IndustryKind.Traditional, 0.5, 110_000, 0.2, 0.0, ["Health", "Medical", "Care", "Clinics"], ["patient scheduling tools", "home care services", "diagnostic imaging", "telehealth visits"]),
        new(IndustryKind.Commerce, 0.4, 130_000, 0.15, 0.0, ["Stores", "Outfitters", "Market", "Goods"], ["apparel", "home goods", "grocery delivery", "outdoor equipment"]),
        new(IndustryKind.Traditional, 0.6, 210_000, 0.08, -0.3, ["Industries", "Manufacturing", "Works", "Components"], ["industrial sensors", "precision parts", "packaging", "machine tools"]),
        new(IndustryKind.Traditional, 0.5, 300_000, 0.1, 0.2, ["Capital", "Partners", "Advisors", "Bank"], ["wealth management", "commercial banking", "asset management", "payroll services"]),
        new(IndustryKind.Traditional, -0.2, 150_000, 0.05, 0.1, ["Consulting", "Partners", "Group", "Associates"], ["management consulting", "accounting services", "recruiting", "IT services"]),
        new(IndustryKind.Traditional, 0.8, 80_000, 0.05, 0.0, ["Academy", "Learning", "Institute", "School"], ["learning management systems", "online courses", "tutoring", "campus services"]),
        new(IndustryKind.Traditional, 1.5, 90_000, 0.0, 0.0, ["Agency", "Department", "Authority", "Council"], ["public services", "permits and licensing", "transport planning", "benefits administration"]),
        new(IndustryKind.Commerce, -0.1, 200_000, 0.25, 0.2, ["Media", "Studios", "Pictures", "Entertainment"], ["streaming video", "podcast production", "digital publishing", "live events"]),
        new(IndustryKind.Traditional, 1.2, 350_000, 0.1, 0.3, ["Telecom", "Networks", "Connect", "Mobile"], ["fiber broadband", "mobile networks", "unified communications", "IoT connectivity"]),
        new(IndustryKind.Traditional, 0.4, 160_000, 0.12, -0.1, ["Logistics", "Freight", "Shipping", "Transport"], ["supply chain visibility", "freight forwarding", "last-mile delivery", "warehousing"]),
        new(IndustryKind.Traditional, 0.2, 170_000, 0.03, -0.5, ["Construction", "Builders", "Contracting", "Homes"], ["commercial construction", "field service management", "renovation", "civil engineering"]),
        new(IndustryKind.Traditional, -0.3, 250_000, 0.1, -0.3, ["Realty", "Properties", "Estates", "Living"], ["property management", "commercial leasing", "residential sales", "co-working spaces"]),
        new(IndustryKind.Commerce, 0.3, 70_000, 0.08, -0.4, ["Hotels", "Hospitality", "Resorts", "Dining"], ["boutique hotels", "restaurant chains", "event venues", "travel booking"]),
        new(IndustryKind.Traditional, 1.0, 500_000, 0.2, 0.0, ["Energy", "Power", "Solar", "Renewables"], ["solar installations", "grid analytics", "energy trading", "EV charging"]),
        new(IndustryKind.Traditional, 0.9, 320_000, 0.15, 0.3, ["Insurance", "Assurance", "Mutual", "Cover"], ["insurance claims processing", "commercial insurance", "life insurance", "underwriting analytics"]),
        new(IndustryKind.Digital, 0.0, 220_000, 0.6, 0.1, ["Bio", "Therapeutics", "Genomics", "Sciences"], ["gene therapies", "lab automation", "clinical trial analytics", "diagnostics"]),
        new(IndustryKind.Commerce, -0.3, 240_000, 0.4, 0.5, ["Shop", "Commerce", "Direct", "Brands"], ["e-commerce storefronts", "subscription boxes", "marketplace software", "direct-to-consumer brands"]),
        new(IndustryKind.Commerce, -0.5, 140_000, 0.15, 0.5, ["Marketing", "Media", "Creative", "Digital"], ["marketing automation", "performance advertising", "brand strategy", "influencer campaigns"]),
        new(IndustryKind.Traditional, 1.1, 280_000, 0.1, 0.0, ["Motors", "Automotive", "Mobility", "Auto"], ["auto parts", "dealership software", "fleet telematics", "electric vehicles"]),
        new(IndustryKind.Traditional, 0.0, 190_000, 0.08, -0.6, ["Farms", "Agri", "Harvest", "Growers"], ["crop analytics", "farm equipment", "organic produce", "irrigation systems"]),
        new(IndustryKind.Traditional, -0.4, 60_000, 0.0, -0.3, ["Foundation", "Trust", "Alliance", "Fund"], ["community programs", "fundraising", "advocacy", "volunteer services"]),
        new(IndustryKind.Digital, -0.2, 230_000, 0.6, 0.7, ["Security", "Shield", "Defense", "Guard"], ["threat detection", "identity management", "endpoint security", "security analytics"]),
        new(IndustryKind.Traditional, -0.6, 200_000, 0.02, -0.2, ["Law", "Legal", "Counsel", "LLP"], ["corporate law", "contract management", "litigation support", "legal research"]),
    ];

    private static readonly Weighted<Country> Countries = new(
        (new("US", "North America", ".com", ["Inc.", "LLC", "Corp."], ["New York", "San Francisco", "Austin", "Chicago", "Boston", "Seattle", "Los Angeles", "Denver", "Atlanta", "Miami"]), 44),
        (new("GB", "EMEA", ".co.uk", ["Ltd", "PLC"], ["London", "Manchester", "Edinburgh", "Bristol", "Leeds"]), 8),
        (new("CA", "North America", ".ca", ["Inc.", "Ltd"], ["Toronto", "Vancouver", "Montreal", "Calgary"]), 5),
        (new("DE", "EMEA", ".de", ["GmbH", "AG"], ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne"]), 6),
        (new("FR", "EMEA", ".fr", ["SAS", "SA"], ["Paris", "Lyon", "Toulouse", "Nantes"]), 4),
        (new("NL", "EMEA", ".nl", ["B.V."], ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"]), 3),
        (new("IE", "EMEA", ".ie", ["Ltd"], ["Dublin", "Cork", "Galway"]), 1),
        (new("SE", "EMEA", ".se", ["AB"], ["Stockholm", "Gothenburg", "Malmo"]), 2),
        (new("DK", "EMEA", ".dk", ["ApS", "A/S"], ["Copenhagen", "Aarhus"]), 1),
        (new("ES", "EMEA", ".es", ["S.L.", "S.A."], ["Madrid", "Barcelona", "Valencia"]), 2),
        (new("IT", "EMEA", ".it", ["S.r.l.", "S.p.A."], ["Milan", "Rome", "Turin"]), 2),
        (new("CH", "EMEA", ".ch", ["AG", "GmbH"], ["Zurich", "Geneva", "Basel"]), 1),
        (new("PL", "EMEA", ".pl", ["Sp. z o.o."], ["Warsaw", "Krakow", "Wroclaw"]), 1),
        (new("IL", "EMEA", ".co.il", ["Ltd"], ["Tel Aviv", "Jerusalem", "Haifa"]), 1),
        (new("AE", "EMEA", ".ae", ["LLC", "FZ-LLC"], ["Dubai", "Abu Dhabi"]), 1),
        (new("ZA", "EMEA", ".co.za", ["(Pty) Ltd"], ["Johannesburg", "Cape Town"]), 1),
        (new("IN", "APAC", ".in", ["Pvt. Ltd."], ["Bangalore", "Mumbai", "Delhi", "Hyderabad", "Pune"]), 5),
        (new("AU", "APAC", ".com.au", ["Pty Ltd"], ["Sydney", "Melbourne", "Brisbane", "Perth"]), 3),
        (new("SG", "APAC", ".sg", ["Pte. Ltd."], ["Singapore"]), 1),
        (new("JP", "APAC", ".jp", ["K.K."], ["Tokyo", "Osaka", "Fukuoka"]), 2),
        (new("BR", "LATAM", ".com.br", ["Ltda."], ["Sao Paulo", "Rio de Janeiro", "Belo Horizonte"]), 3),
        (new("MX", "LATAM", ".mx", ["S.A. de C.V."], ["Mexico City", "Monterrey", "Guadalajara"]), 2));

    private const int ToolSalesforce = 0, ToolHubSpot = 1, ToolStripe = 13, ToolShopify = 14;
    private static readonly int[] ModernDataTools = [4, 10, 11, 18, 19, 20, 21, 22, 23]; // Snowflake, Marketo, Segment, Datadog, Tableau, Looker, dbt, Databricks, BigQuery

    private static readonly Weighted<string> Tools = new(
        ("Salesforce", 30), ("HubSpot", 28), ("Slack", 55), ("Zendesk", 18), ("Snowflake", 10), ("Google Workspace", 50),
        ("Microsoft 365", 40), ("Jira", 30), ("Confluence", 22), ("Zoom", 45), ("Marketo", 6), ("Segment", 6),
        ("Intercom", 10), ("Stripe", 15), ("Shopify", 8), ("AWS", 35), ("Azure", 15), ("Google Cloud", 12),
        ("Datadog", 8), ("Tableau", 8), ("Looker", 5), ("dbt", 4), ("Databricks", 4), ("BigQuery", 6),
        ("Outreach", 5), ("Gong", 5), ("Gainsight", 3), ("Workday", 6), ("NetSuite", 7), ("Okta", 10));

    private static readonly string[] OtherCrms = ["Microsoft Dynamics", "Pipedrive", "Zoho CRM", "Freshsales", "Close"];

    private static readonly FundingStage[] FundingStages =
    [
        new("Pre-seed", 500_000), new("Seed", 2_500_000), new("Series A", 12_000_000), new("Series B", 35_000_000),
        new("Series C", 80_000_000), new("Series D+", 180_000_000), new("Private Equity", 250_000_000),
    ];

    private static readonly string[] NamePrefixes =
    [
        "Bright", "Blue", "North", "Silver", "Quantum", "Nova", "Apex", "Cedar", "Harbor", "Summit", "Iron", "Pixel",
        "Cloud", "Green", "Swift", "Lumen", "Orbit", "Vertex", "Atlas", "Echo", "Falcon", "Granite", "Helix", "Indigo",
        "Juniper", "Kite", "Maple", "Nimbus", "Onyx", "Pioneer", "Prism", "Redwood", "Sable", "Terra", "Union", "Vivid",
        "Willow", "Zephyr", "Arc", "Beacon", "Cobalt", "Delta", "Ember", "Fjord", "Golden", "Horizon", "Keystone", "Lattice",
    ];

    private static readonly string[] NameCores =
    [
        "wave", "stack", "works", "point", "bridge", "path", "forge", "field", "line", "shift", "grid", "flow",
        "mind", "scale", "signal", "craft", "logic", "spark", "sphere", "gate", "stone", "light", "peak", "ridge",
    ];

    private static readonly string[] Audiences =
    [
        "mid-market companies", "enterprise IT teams", "small businesses", "sales and marketing teams", "hospitals",
        "online retailers", "finance teams", "manufacturers", "public sector agencies", "developers", "families",
    ];

    private static readonly string[] Benefits =
    [
        "close deals faster", "cut costs", "automate reporting", "reduce churn", "ship software faster",
        "stay compliant", "understand their customers",
    ];

    private static readonly string[] Adjectives = ["AI-first", "modern", "all-in-one", "secure", "open-source", "cloud-native", "award-winning"];
}
