-- bench.yaml written by hand in DuckDB SQL: the "DuckDB on the same file" baseline of the e2e benchmark.
-- Follows docs/profile-format.md: unknown: neutral (a criterion on a missing value is NULL, which neither
-- earns nor counts as available, and never excludes), case-insensitive `in`, tech_stack as a set of
-- trimmed, lower-cased tokens, `within` counted back from DATE '2026-06-30', group caps, integer rounding
-- half away from zero, reasons with the row's value as evidence (as icp writes them).
-- `x IN (...)` is written list_contains([...], x) (same three-valued result): DuckDB 1.5.6 plans IN lists of
-- five or more constants as a join, which loses the input row order that icp keeps.
-- The harness replaces {{DATA}}, {{OUT}} and {{THREADS}}. Keep it in step with bench.yaml.

SET threads TO {{THREADS}};

-- round(100 * earned / available), half away from zero, clamped to 0-100, in exact integer arithmetic.
CREATE OR REPLACE TEMP MACRO icp_percent(earned, available) AS
    CASE WHEN earned <= 0 THEN 0 WHEN earned >= available THEN 100
         ELSE (200 * earned + available) // (2 * available) END;

-- true/yes/y/t/1 and false/no/n/f/0, anything else unknown.
CREATE OR REPLACE TEMP MACRO icp_bool(v) AS
    CASE WHEN list_contains(['true', 'yes', 'y', 't', '1'], lower(trim(v))) THEN true
         WHEN list_contains(['false', 'no', 'n', 'f', '0'], lower(trim(v))) THEN false END;

COPY (
WITH src AS (
    SELECT * FROM read_csv('{{DATA}}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
typed AS (      -- each field parsed once per row; NULL = missing (or unparsable)
    SELECT *,
        nullif(lower(trim(country)), '')                       AS x_country,
        nullif(lower(trim(industry)), '')                      AS x_industry,
        nullif(lower(trim(funding_stage)), '')                 AS x_funding_stage,
        TRY_CAST(trim(employees) AS DOUBLE)                    AS x_employees,
        TRY_CAST(trim(revenue_usd) AS DOUBLE)                  AS x_revenue,
        TRY_CAST(trim(founded_year) AS DOUBLE)                 AS x_founded,
        TRY_CAST(trim(pricing_page_visits_30d) AS DOUBLE)      AS x_pricing_visits,
        TRY_CAST(trim(open_opportunities) AS DOUBLE)           AS x_open_opps,
        TRY_CAST(trim(last_funding_date) AS DATE)              AS x_last_funding,
        icp_bool(is_public)                                    AS x_is_public,
        icp_bool(hiring_sales)                                 AS x_hiring,
        nullif(trim(description), '')                          AS x_description,
        CASE WHEN nullif(trim(tech_stack), '') IS NOT NULL
             THEN list_filter(list_transform(string_split(tech_stack, ';'), t -> trim(t)), t -> t <> '') END AS x_tech
    FROM src
),
criteria AS (   -- every criterion as a three-valued boolean: NULL is unknown
    SELECT *,
        list_contains(['us', 'ca', 'gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'ch', 'au'], x_country)  AS x_must_country,
        x_employees BETWEEN 20 AND 20000                                                 AS x_must_employees,
        list_contains(['government', 'education', 'non-profit'], x_industry)                          AS x_ex_industry,
        x_is_public = true                                                               AS x_ex_public,
        list_contains(['software', 'fintech', 'cybersecurity', 'e-commerce'], x_industry)             AS x_s_industry,
        x_employees BETWEEN 200 AND 2000                                                 AS x_s_employees,
        x_revenue >= 10000000                                                            AS x_s_revenue,
        list_has_any(list_transform(x_tech, t -> lower(t)), ['salesforce', 'hubspot'])   AS x_s_crm_stack,
        list_has_any(list_transform(x_tech, t -> lower(t)), ['snowflake', 'bigquery', 'databricks', 'dbt']) AS x_s_data_stack,
        nullif(trim(crm), '') IS NOT NULL                                                AS x_s_crm,  -- exists: never unknown
        x_last_funding >= DATE '2026-06-30' - INTERVAL 18 MONTH                          AS x_s_funded,
        list_contains(['series a', 'series b', 'series c'], x_funding_stage)                          AS x_s_stage,
        (x_hiring = true) OR (x_open_opps >= 1)                                          AS x_s_hiring_or_opp,
        x_pricing_visits >= 3                                                            AS x_s_pricing,
        regexp_matches(x_description, '(?i)\b(platform|apis?|automation|analytics)\b')   AS x_s_description,
        x_founded < 1980                                                                 AS x_s_legacy
    FROM typed
),
groups AS (     -- per group: points earned by holding signals and positive points of evaluable ones, capped
    SELECT *,
        (x_must_country IS FALSE OR x_must_employees IS FALSE OR x_ex_industry IS TRUE OR x_ex_public IS TRUE) AS x_excluded,
        least(40, CASE WHEN x_s_industry THEN 25 ELSE 0 END + CASE WHEN x_s_employees THEN 20 ELSE 0 END
                + CASE WHEN x_s_revenue THEN 10 ELSE 0 END) AS x_firm_earned,
        least(40, CASE WHEN x_s_industry IS NOT NULL THEN 25 ELSE 0 END + CASE WHEN x_s_employees IS NOT NULL THEN 20 ELSE 0 END
                + CASE WHEN x_s_revenue IS NOT NULL THEN 10 ELSE 0 END) AS x_firm_available,
        least(25, CASE WHEN x_s_crm_stack THEN 15 ELSE 0 END + CASE WHEN x_s_data_stack THEN 10 ELSE 0 END
                + CASE WHEN x_s_crm THEN 5 ELSE 0 END) AS x_tech_earned,
        least(25, CASE WHEN x_s_crm_stack IS NOT NULL THEN 15 ELSE 0 END + CASE WHEN x_s_data_stack IS NOT NULL THEN 10 ELSE 0 END
                + CASE WHEN x_s_crm IS NOT NULL THEN 5 ELSE 0 END) AS x_tech_available,
        least(30, CASE WHEN x_s_funded THEN 15 ELSE 0 END + CASE WHEN x_s_stage THEN 10 ELSE 0 END
                + CASE WHEN x_s_hiring_or_opp THEN 10 ELSE 0 END) AS x_trig_earned,
        least(30, CASE WHEN x_s_funded IS NOT NULL THEN 15 ELSE 0 END + CASE WHEN x_s_stage IS NOT NULL THEN 10 ELSE 0 END
                + CASE WHEN x_s_hiring_or_opp IS NOT NULL THEN 10 ELSE 0 END) AS x_trig_available,
        CASE WHEN x_s_pricing THEN 15 ELSE 0 END + CASE WHEN x_s_description THEN 5 ELSE 0 END AS x_intent_earned,
        CASE WHEN x_s_pricing IS NOT NULL THEN 15 ELSE 0 END + CASE WHEN x_s_description IS NOT NULL THEN 5 ELSE 0 END AS x_intent_available,
        CASE WHEN x_s_legacy THEN -10 ELSE 0 END AS x_other_earned   -- ungrouped; negative points add nothing available
    FROM criteria
),
scored AS (
    SELECT *,
        CASE WHEN x_excluded THEN 0
             ELSE icp_percent(x_firm_earned + x_tech_earned + x_trig_earned + x_intent_earned + x_other_earned,
                              x_firm_available + x_tech_available + x_trig_available + x_intent_available) END AS x_score
    FROM groups
)
SELECT
    COLUMNS(c -> NOT starts_with(c, 'x_')),
    x_score AS icp_score,
    CASE WHEN x_excluded THEN 'excluded' WHEN x_score >= 75 THEN 'A' WHEN x_score >= 50 THEN 'B'
         WHEN x_score >= 25 THEN 'C' ELSE 'D' END AS icp_tier,
    x_excluded AS icp_excluded,
    CASE WHEN x_excluded THEN concat_ws('; ',
            CASE WHEN x_must_country IS FALSE THEN 'excluded: country=' || trim(country) || ' (needs country in [US, CA, GB, IE, DE, FR, NL, SE, DK, CH, AU])' END,
            CASE WHEN x_must_employees IS FALSE THEN 'excluded: employees=' || trim(employees) || ' (needs employees 20-20000)' END,
            CASE WHEN x_ex_industry THEN 'excluded: industry=' || trim(industry) || ' (long procurement cycles, high churn)' END,
            CASE WHEN x_ex_public THEN 'excluded: is_public=' || trim(is_public) || ' (owned by the strategic accounts team)' END)
         ELSE concat_ws('; ',
            CASE WHEN x_s_industry THEN '+25 industry=' || trim(industry) END,
            CASE WHEN x_s_employees THEN '+20 employees=' || trim(employees) END,
            CASE WHEN x_s_revenue THEN '+10 revenue_usd=' || trim(revenue_usd) END,
            CASE WHEN x_s_crm_stack THEN '+15 tech_stack has ' || list_filter(x_tech, t -> list_contains(['salesforce', 'hubspot'], lower(t)))[1] END,
            CASE WHEN x_s_data_stack THEN '+10 tech_stack has ' || list_filter(x_tech, t -> list_contains(['snowflake', 'bigquery', 'databricks', 'dbt'], lower(t)))[1] END,
            CASE WHEN x_s_crm THEN '+5 crm present' END,
            CASE WHEN x_s_funded THEN '+15 last_funding_date=' || trim(last_funding_date) END,
            CASE WHEN x_s_stage THEN '+10 funding_stage=' || trim(funding_stage) END,
            CASE WHEN x_s_hiring_or_opp THEN '+10 hiring sales or open opportunity' END,
            CASE WHEN x_s_pricing THEN '+15 pricing_page_visits_30d=' || trim(pricing_page_visits_30d) END,
            CASE WHEN x_s_description THEN '+5 sells a platform, API or automation product' END,
            CASE WHEN x_s_legacy THEN '-10 legacy business founded before 1980' END)
    END AS icp_reasons,
    CASE WHEN NOT x_excluded AND x_firm_available > 0 THEN icp_percent(x_firm_earned, x_firm_available) END AS icp_firmographics,
    CASE WHEN NOT x_excluded AND x_tech_available > 0 THEN icp_percent(x_tech_earned, x_tech_available) END AS icp_technographics,
    CASE WHEN NOT x_excluded AND x_trig_available > 0 THEN icp_percent(x_trig_earned, x_trig_available) END AS icp_triggers,
    CASE WHEN NOT x_excluded AND x_intent_available > 0 THEN icp_percent(x_intent_earned, x_intent_available) END AS icp_intent
FROM scored
) TO '{{OUT}}' (HEADER, DELIMITER ',');
