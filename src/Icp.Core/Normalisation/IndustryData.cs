namespace Icp.Core.Normalisation;

/// <summary>
/// The built-in industry taxonomy and tech-stack aliases, one canonical name per line followed by the synonyms
/// that mean it (<c>|</c>-separated, compared after <see cref="TextFold"/>).
/// </summary>
/// <remarks>
/// The taxonomy is icp's own: 28 industries at roughly the grain of LinkedIn's top-level industry groups, split
/// where B2B targeting usually needs it (Software apart from IT Services, Insurance apart from Financial
/// Services, Staffing apart from Professional Services). The names and synonyms were written for this project;
/// synonyms cover the spellings seen in CRM exports, LinkedIn-style labels and Crunchbase category codes (e.g.
/// games_video, network_hosting, cleantech). Users add or change entries with an <c>--industries</c> YAML file.
/// </remarks>
internal static class IndustryData
{
    public const string Industries = """
        Software: software development | computer software | saas | software as a service | enterprise software | enterprise | b2b software | apps | mobile | mobile apps | analytics | security | cybersecurity | computer and network security | messaging | search | games | games_video | video games | computer games | gaming
        IT Services: information technology | information technology and services | it | it services | it consulting | technology | tech | network_hosting | hosting | cloud | data centers | managed services | systems integration | computer networking
        Internet: web | ecommerce | online retail | social | social media | marketplace | marketplaces | online media | search engines | consumer internet
        Hardware & Electronics: hardware | computer hardware | electronics | consumer electronics | semiconductor | semiconductors | electrical | electronic manufacturing | robotics | iot | internet of things
        Telecommunications: telecom | telecoms | telecommunication | wireless | telco | mobile network
        Media & Entertainment: media | entertainment | news | publishing | broadcast media | broadcasting | music | film | movies | photo_video | video | online media and entertainment | sports | esports | newspapers
        Financial Services: finance | financial | fintech | payments | banking | bank | banks | investment banking | investment management | asset management | venture capital | private equity | capital markets | lending | credit | wealth management | crypto | blockchain
        Insurance: insurtech | reinsurance
        Healthcare: health | health care | hospital | hospitals | hospital and health care | hospitals and health care | medical | medical practice | medical devices | medtech | health tech | healthtech | digital health | mental health care | wellness
        Pharma & Biotech: biotech | biotechnology | pharma | pharmaceutical | pharmaceuticals | life sciences | biopharma | drug discovery
        Education: edtech | e-learning | higher education | education management | primary/secondary education | k-12 | schools | universities | training
        Government: government administration | public sector | public administration | defense | defence | military | government relations | law enforcement
        Non-profit: nonprofit | not-for-profit | nonprofit organization management | charity | charities | ngo | philanthropy | foundation
        Manufacturing: industrial | industrials | machinery | industrial automation | chemicals | plastics | packaging | aerospace | aviation and aerospace | textiles | mechanical or industrial engineering
        Automotive: auto | automobiles | cars | motor vehicles | electric vehicles | ev
        Energy & Utilities: energy | utilities | utility | cleantech | renewables | renewable energy | solar | wind | power | electricity | clean energy | environmental services
        Oil, Gas & Mining: oil and gas | oil | gas | mining | mining and metals | metals | petroleum
        Construction: building materials | civil engineering | architecture | architecture and planning | engineering and construction
        Real Estate: real_estate | property | proptech | commercial real estate | property management
        Retail: retailers | supermarkets | grocery | apparel | fashion | apparel and fashion | luxury goods | luxury goods and jewelry | department stores
        Consumer Goods: consumer products | cpg | fmcg | food and beverages | food | beverages | cosmetics | household | consumer | pets | toys | furniture
        Wholesale & Distribution: wholesale | distribution | import and export | trading | wholesale trade
        Transportation & Logistics: transportation | transport | logistics | logistics and supply chain | supply chain | shipping | freight | trucking | airlines | airlines/aviation | maritime | rail | delivery | courier
        Hospitality & Travel: hospitality | travel | tourism | hotels | leisure | leisure, travel and tourism | restaurants | food service | events | events services | gambling and casinos
        Professional Services: services | consulting | management consulting | legal | law | law practice | legal services | accounting | outsourcing | outsourcing/offshoring | business services | research | design | market research
        Marketing & Advertising: marketing | advertising | public relations | public_relations | pr | adtech | martech | digital marketing | marketing services
        Agriculture: farming | agtech | agritech | ranching | forestry | fishery | dairy
        Staffing & Recruiting: staffing | recruiting | staffing and recruiting | recruitment | employment | human resources | hr | hr services | executive search | temporary staffing
        """;

    public const string Tech = """
        Salesforce: sfdc | salesforce.com | salesforce crm | sales cloud | salesforce sales cloud | force.com
        HubSpot: hubspot crm | hubspot marketing hub | hubspot sales hub | hubspot marketing
        Google Workspace: gsuite | g-suite | google apps | google apps for work | google apps for business
        Microsoft Dynamics: ms dynamics | dynamics | dynamics 365 | dynamics crm | microsoft dynamics 365 | microsoft dynamics crm | d365
        Microsoft 365: office 365 | o365 | ms office | microsoft office | microsoft office 365 | m365
        Microsoft Teams: ms teams | teams
        Microsoft Azure: azure | ms azure | windows azure
        Amazon Web Services: aws | amazon aws
        Google Cloud: gcp | google cloud platform
        Marketo: adobe marketo | marketo engage
        Pardot: salesforce pardot | account engagement | marketing cloud account engagement
        Zendesk: zendesk support | zendesk suite
        Intercom: intercom.io
        Slack: slack technologies
        Zoom: zoom video | zoom.us | zoom meetings
        Shopify: shopify plus
        Magento: adobe commerce
        WordPress: wp | wordpress.org
        Stripe: stripe payments
        Segment: twilio segment | segment.io
        Snowflake: snowflake data cloud
        Jira: atlassian jira | jira software
        Confluence: atlassian confluence
        Zoho CRM: zoho | zohocrm
        Pipedrive: pipedrive crm
        Mailchimp: intuit mailchimp
        Google Analytics: ga | ga4 | universal analytics | google analytics 4
        Outreach: outreach.io
        Salesloft: sales loft
        Gong: gong.io
        SAP: sap erp | sap s/4hana | s/4hana
        Oracle Database: oracle db | oracle
        NetSuite: oracle netsuite
        Workday: workday hcm
        ServiceNow: service now
        Tableau: tableau software
        Looker: google looker
        Datadog: datadog apm
        Okta: okta identity
        Cloudflare: cloudflare cdn
        Kubernetes: k8s
        React: reactjs
        Node.js: node
        PostgreSQL: postgres | psql | postgre
        MySQL: mysql server
        MongoDB: mongo
        Twilio: twilio sms
        SendGrid: twilio sendgrid
        Freshdesk: freshworks
        Drift: salesloft drift
        Zapier: zapier.com
        Asana: asana.com
        Notion: notion.so
        Monday.com: monday
        GitHub: github enterprise
        GitLab: gitlab ee
        Adobe Experience Manager: aem
        Sitecore: sitecore xp
        Optimizely: episerver
        Mixpanel: mixpanel analytics
        Amplitude: amplitude analytics
        Klaviyo: klaviyo email
        Braze: appboy
        """;
}
