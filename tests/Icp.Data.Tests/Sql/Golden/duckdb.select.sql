-- icp profile 'differential' v1, as of 2025-06-15, duckdb dialect
WITH icp__text AS NOT MATERIALIZED (
    SELECT *,
        nullif(trim(CAST("website" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t0",
        nullif(trim(CAST("tech" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t1",
        nullif(trim(CAST("country" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t2",
        nullif(trim(CAST("industry" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t3",
        nullif(trim(CAST("employees" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t4",
        nullif(trim(CAST("founded" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t5",
        nullif(trim(CAST("hiring" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t6",
        nullif(trim(CAST("title" AS VARCHAR), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '') AS "icp__t7"
    FROM "crm"."accounts"
),
icp__values AS NOT MATERIALIZED (
    SELECT *,
        lower(regexp_replace("icp__t0", '\s+', ' ', 'g')) AS "icp__v0",
        list_filter(CASE WHEN length("icp__t1") > 1 AND starts_with("icp__t1", '[') AND ends_with("icp__t1", ']') THEN list_transform(list_transform(string_split("icp__t1"[2:-2], ','), t -> trim(t, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), t -> trim(CASE WHEN starts_with(t, '"') THEN CASE WHEN length(t) > 1 AND ends_with(t, '"') THEN t[2:-2] ELSE t[2:-1] END ELSE t END, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))) ELSE list_transform(string_split("icp__t1", ';'), t -> trim(t, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))) END, t -> t <> '') AS "icp__v1",
        lower(regexp_replace("icp__t2", '\s+', ' ', 'g')) AS "icp__v2",
        lower(regexp_replace("icp__t3", '\s+', ' ', 'g')) AS "icp__v3",
        CASE WHEN isfinite(TRY_CAST(replace("icp__t4", ',', '') AS DOUBLE)) THEN TRY_CAST(replace("icp__t4", ',', '') AS DOUBLE) END AS "icp__v4",
        CASE WHEN starts_with("icp__t5", '0000') THEN NULL WHEN regexp_full_match("icp__t5", '\d{4}-\d{2}-\d{2}([T ].*)?') THEN TRY_CAST(left("icp__t5", 10) AS DATE) WHEN regexp_full_match("icp__t5", '\d{4}-\d{2}') THEN TRY_CAST("icp__t5" || '-01' AS DATE) WHEN regexp_full_match("icp__t5", '\d{4}') THEN TRY_CAST("icp__t5" || '-01-01' AS DATE) END AS "icp__v5",
        CASE WHEN lower("icp__t6") IN ('true', 'yes', 'y', 't', '1') THEN true WHEN lower("icp__t6") IN ('false', 'no', 'n', 'f', '0') THEN false END AS "icp__v6",
        lower(regexp_replace("icp__t7", '\s+', ' ', 'g')) AS "icp__v7"
    FROM icp__text
),
icp__criteria AS NOT MATERIALIZED (
    SELECT *,
        ("icp__t0" IS NOT NULL) AS "icp__must0",
        CASE WHEN "icp__v1" IS NULL THEN NULL ELSE length(list_distinct(list_filter(list_transform("icp__v1", t -> lower(regexp_replace(t, '\s+', ' ', 'g'))), t -> list_contains(['oracle']::VARCHAR[], t)))) = 0 END AS "icp__exclude0",
        CASE WHEN "icp__v2" IS NULL THEN NULL ELSE list_contains(['o''reilly land', 'x; drop table accounts; --']::VARCHAR[], "icp__v2") END AS "icp__exclude1",
        CASE WHEN "icp__v3" IS NULL THEN NULL ELSE list_contains(['software', 'fintech']::VARCHAR[], "icp__v3") END AS "icp__signal0",
        CASE WHEN "icp__v3" IS NULL THEN NULL ELSE list_contains(['retail']::VARCHAR[], "icp__v3") END AS "icp__signal1",
        CASE WHEN "icp__v3" IS NULL THEN NULL ELSE NOT list_contains(['government', 'education']::VARCHAR[], "icp__v3") END AS "icp__signal2",
        CASE WHEN "icp__v3" IS NULL THEN NULL ELSE list_contains(['fin tech', 'data tools']::VARCHAR[], "icp__v3") END AS "icp__signal3",
        ("icp__v4" >= 50 AND "icp__v4" <= 500) AS "icp__signal4",
        ("icp__v4" >= 1000) AS "icp__signal5",
        ("icp__v4" < 20) AS "icp__signal6",
        (("icp__v4" > 10) AND ("icp__v4" <= 400)) AS "icp__signal7",
        CASE WHEN "icp__v4" IS NULL THEN NULL ELSE list_contains([150, 1500]::DOUBLE[], "icp__v4") END AS "icp__signal8",
        CASE WHEN "icp__v4" IS NULL THEN NULL ELSE NOT list_contains([5]::DOUBLE[], "icp__v4") END AS "icp__signal9",
        CASE WHEN "icp__v1" IS NULL THEN NULL ELSE length(list_distinct(list_filter(list_transform("icp__v1", t -> lower(regexp_replace(t, '\s+', ' ', 'g'))), t -> list_contains(['salesforce', 'hubspot']::VARCHAR[], t)))) > 0 END AS "icp__signal10",
        CASE WHEN "icp__v1" IS NULL THEN NULL ELSE length(list_distinct(list_filter(list_transform("icp__v1", t -> lower(regexp_replace(t, '\s+', ' ', 'g'))), t -> list_contains(['salesforce', 'slack']::VARCHAR[], t)))) >= 2 END AS "icp__signal11",
        CASE WHEN "icp__v1" IS NULL THEN NULL ELSE length(list_distinct(list_filter(list_transform("icp__v1", t -> lower(regexp_replace(t, '\s+', ' ', 'g'))), t -> list_contains(['oracle']::VARCHAR[], t)))) = 0 END AS "icp__signal12",
        ("icp__v5" >= DATE '2023-06-15') AS "icp__signal13",
        ("icp__v5" >= DATE '2023-12-15') AS "icp__signal14",
        ("icp__v5" < DATE '2015-06-15') AS "icp__signal15",
        ("icp__v5" >= DATE '2015-01-01' AND "icp__v5" <= DATE '2024-12-31') AS "icp__signal16",
        ("icp__v5" >= DATE '2020-06-01') AS "icp__signal17",
        ("icp__v6" = true) AS "icp__signal18",
        ("icp__v6" = false) AS "icp__signal19",
        ("icp__t0" IS NOT NULL) AS "icp__signal20",
        ("icp__t0" IS NULL) AS "icp__signal21",
        CASE WHEN "icp__t7" IS NULL THEN NULL ELSE regexp_matches("icp__t7", '(?i)\b(cfo|vp finance)\b') END AS "icp__signal22",
        (CASE WHEN "icp__v3" IS NULL THEN NULL ELSE list_contains(['fintech']::VARCHAR[], "icp__v3") END OR ("icp__v6" = true)) AS "icp__signal23",
        (NOT CASE WHEN "icp__v2" IS NULL THEN NULL ELSE list_contains(['us']::VARCHAR[], "icp__v2") END) AS "icp__signal24",
        (CASE WHEN "icp__v2" IS NULL THEN NULL ELSE list_contains(['us', 'ca']::VARCHAR[], "icp__v2") END AND ("icp__v4" >= 100)) AS "icp__signal25",
        ((NOT CASE WHEN "icp__v1" IS NULL THEN NULL ELSE length(list_distinct(list_filter(list_transform("icp__v1", t -> lower(regexp_replace(t, '\s+', ' ', 'g'))), t -> list_contains(['oracle']::VARCHAR[], t)))) > 0 END) OR ("icp__v5" < DATE '1995-06-15')) AS "icp__signal26",
        CASE WHEN "icp__v2" IS NULL THEN NULL ELSE list_contains(['o''reilly land', 'x; drop table accounts; --']::VARCHAR[], "icp__v2") END AS "icp__signal27"
    FROM icp__values
),
icp__points AS NOT MATERIALIZED (
    SELECT *,
        (NOT coalesce("icp__must0", true) OR coalesce("icp__exclude0", false) OR coalesce("icp__exclude1", false)) AS "icp__excluded",
        least(30, (CASE WHEN "icp__signal1" THEN 6 ELSE 0 END + CASE WHEN "icp__signal4" THEN 9 ELSE 0 END + CASE WHEN "icp__signal7" THEN 12 ELSE 0 END + CASE WHEN "icp__signal10" THEN 15 ELSE 0 END + CASE WHEN "icp__signal13" THEN 18 ELSE 0 END + CASE WHEN "icp__signal16" THEN 21 ELSE 0 END + CASE WHEN "icp__signal19" THEN 24 ELSE 0 END + CASE WHEN "icp__signal22" THEN 27 ELSE 0 END + CASE WHEN "icp__signal25" THEN 30 ELSE 0 END)) AS "icp__earned0",
        least(30, (CASE WHEN "icp__signal1" IS NOT NULL THEN 6 ELSE 0 END + CASE WHEN "icp__signal4" IS NOT NULL THEN 9 ELSE 0 END + CASE WHEN "icp__signal7" IS NOT NULL THEN 12 ELSE 0 END + CASE WHEN "icp__signal10" IS NOT NULL THEN 15 ELSE 0 END + CASE WHEN "icp__signal13" IS NOT NULL THEN 18 ELSE 0 END + CASE WHEN "icp__signal16" IS NOT NULL THEN 21 ELSE 0 END + CASE WHEN "icp__signal19" IS NOT NULL THEN 24 ELSE 0 END + CASE WHEN "icp__signal22" IS NOT NULL THEN 27 ELSE 0 END + CASE WHEN "icp__signal25" IS NOT NULL THEN 30 ELSE 0 END)) AS "icp__available0",
        (CASE WHEN "icp__signal2" THEN 7 ELSE 0 END + CASE WHEN "icp__signal5" THEN 10 ELSE 0 END + CASE WHEN "icp__signal8" THEN 13 ELSE 0 END + CASE WHEN "icp__signal11" THEN 16 ELSE 0 END + CASE WHEN "icp__signal14" THEN 19 ELSE 0 END + CASE WHEN "icp__signal17" THEN 22 ELSE 0 END + CASE WHEN "icp__signal20" THEN 25 ELSE 0 END + CASE WHEN "icp__signal23" THEN 28 ELSE 0 END + CASE WHEN "icp__signal26" THEN 31 ELSE 0 END) AS "icp__earned1",
        (CASE WHEN "icp__signal2" IS NOT NULL THEN 7 ELSE 0 END + CASE WHEN "icp__signal5" IS NOT NULL THEN 10 ELSE 0 END + CASE WHEN "icp__signal8" IS NOT NULL THEN 13 ELSE 0 END + CASE WHEN "icp__signal11" IS NOT NULL THEN 16 ELSE 0 END + CASE WHEN "icp__signal14" IS NOT NULL THEN 19 ELSE 0 END + CASE WHEN "icp__signal17" IS NOT NULL THEN 22 ELSE 0 END + CASE WHEN "icp__signal20" IS NOT NULL THEN 25 ELSE 0 END + CASE WHEN "icp__signal23" IS NOT NULL THEN 28 ELSE 0 END + CASE WHEN "icp__signal26" IS NOT NULL THEN 31 ELSE 0 END) AS "icp__available1",
        (CASE WHEN "icp__signal0" THEN -1 ELSE 0 END + CASE WHEN "icp__signal3" THEN -4 ELSE 0 END + CASE WHEN "icp__signal6" THEN -7 ELSE 0 END + CASE WHEN "icp__signal9" THEN -10 ELSE 0 END + CASE WHEN "icp__signal12" THEN -13 ELSE 0 END + CASE WHEN "icp__signal15" THEN -16 ELSE 0 END + CASE WHEN "icp__signal18" THEN -19 ELSE 0 END + CASE WHEN "icp__signal21" THEN -22 ELSE 0 END + CASE WHEN "icp__signal24" THEN -25 ELSE 0 END + CASE WHEN "icp__signal27" THEN -28 ELSE 0 END) AS "icp__earned2",
        (0) AS "icp__available2"
    FROM icp__criteria
),
icp__scored AS NOT MATERIALIZED (
    SELECT *,
        CASE WHEN "icp__excluded" THEN 0 ELSE CASE WHEN ("icp__available0" + "icp__available1" + "icp__available2") = 0 OR ("icp__earned0" + "icp__earned1" + "icp__earned2") <= 0 THEN 0 WHEN ("icp__earned0" + "icp__earned1" + "icp__earned2") >= ("icp__available0" + "icp__available1" + "icp__available2") THEN 100 ELSE CAST(((200 * ("icp__earned0" + "icp__earned1" + "icp__earned2") + ("icp__available0" + "icp__available1" + "icp__available2")) // (2 * ("icp__available0" + "icp__available1" + "icp__available2"))) AS INTEGER) END END AS "icp__score"
    FROM icp__points
)
SELECT * EXCLUDE ("icp__t0", "icp__t1", "icp__t2", "icp__t3", "icp__t4", "icp__t5", "icp__t6", "icp__t7", "icp__v0", "icp__v1", "icp__v2", "icp__v3", "icp__v4", "icp__v5", "icp__v6", "icp__v7", "icp__must0", "icp__exclude0", "icp__exclude1", "icp__signal0", "icp__signal1", "icp__signal2", "icp__signal3", "icp__signal4", "icp__signal5", "icp__signal6", "icp__signal7", "icp__signal8", "icp__signal9", "icp__signal10", "icp__signal11", "icp__signal12", "icp__signal13", "icp__signal14", "icp__signal15", "icp__signal16", "icp__signal17", "icp__signal18", "icp__signal19", "icp__signal20", "icp__signal21", "icp__signal22", "icp__signal23", "icp__signal24", "icp__signal25", "icp__signal26", "icp__signal27", "icp__excluded", "icp__earned0", "icp__available0", "icp__earned1", "icp__available1", "icp__earned2", "icp__available2", "icp__score"),
    "icp__score" AS "icp_score",
    CASE WHEN "icp__excluded" THEN 'excluded' WHEN "icp__score" >= 70 THEN 'A' WHEN "icp__score" >= 40 THEN 'B' WHEN "icp__score" >= 15 THEN 'C' ELSE 'D' END AS "icp_tier",
    "icp__excluded" AS "icp_excluded",
    nullif(CASE WHEN "icp__excluded" THEN concat_ws('; ', CASE WHEN NOT coalesce("icp__must0", true) THEN 'excluded: ' || 'website present' || ' (needs website present)' END, CASE WHEN coalesce("icp__exclude0", false) THEN 'excluded: ' || 'tech has none of [Oracle]' || ' (rule 0 isn''t wanted)' END, CASE WHEN coalesce("icp__exclude1", false) THEN 'excluded: ' || 'country=' || "icp__t2" || ' (rule 1 isn''t wanted)' END) ELSE concat_ws('; ', CASE WHEN coalesce("icp__signal0", false) THEN '-1 ' || 'signal number 0' END, CASE WHEN coalesce("icp__signal1", false) THEN '+6 ' || 'industry=' || "icp__t3" END, CASE WHEN coalesce("icp__signal2", false) THEN '+7 ' || 'signal number 2' END, CASE WHEN coalesce("icp__signal3", false) THEN '-4 ' || 'industry=' || "icp__t3" END, CASE WHEN coalesce("icp__signal4", false) THEN '+9 ' || 'signal number 4' END, CASE WHEN coalesce("icp__signal5", false) THEN '+10 ' || 'employees=' || "icp__t4" END, CASE WHEN coalesce("icp__signal6", false) THEN '-7 ' || 'signal number 6' END, CASE WHEN coalesce("icp__signal7", false) THEN '+12 ' || 'employees>10 and employees<=400' END, CASE WHEN coalesce("icp__signal8", false) THEN '+13 ' || 'signal number 8' END, CASE WHEN coalesce("icp__signal9", false) THEN '-10 ' || 'employees=' || "icp__t4" END, CASE WHEN coalesce("icp__signal10", false) THEN '+15 ' || 'signal number 10' END, CASE WHEN coalesce("icp__signal11", false) THEN '+16 ' || 'tech has all of [Salesforce, Slack]' END, CASE WHEN coalesce("icp__signal12", false) THEN '-13 ' || 'signal number 12' END, CASE WHEN coalesce("icp__signal13", false) THEN '+18 ' || 'founded=' || "icp__t5" END, CASE WHEN coalesce("icp__signal14", false) THEN '+19 ' || 'signal number 14' END, CASE WHEN coalesce("icp__signal15", false) THEN '-16 ' || 'founded=' || "icp__t5" END, CASE WHEN coalesce("icp__signal16", false) THEN '+21 ' || 'signal number 16' END, CASE WHEN coalesce("icp__signal17", false) THEN '+22 ' || 'founded=' || "icp__t5" END, CASE WHEN coalesce("icp__signal18", false) THEN '-19 ' || 'signal number 18' END, CASE WHEN coalesce("icp__signal19", false) THEN '+24 ' || 'hiring=' || "icp__t6" END, CASE WHEN coalesce("icp__signal20", false) THEN '+25 ' || 'signal number 20' END, CASE WHEN coalesce("icp__signal21", false) THEN '-22 ' || 'website missing' END, CASE WHEN coalesce("icp__signal22", false) THEN '+27 ' || 'signal number 22' END, CASE WHEN coalesce("icp__signal23", false) THEN '+28 ' || 'industry=Fintech or hiring' END, CASE WHEN coalesce("icp__signal24", false) THEN '-25 ' || 'signal number 24' END, CASE WHEN coalesce("icp__signal25", false) THEN '+30 ' || 'country in [US, CA] and employees>=100' END, CASE WHEN coalesce("icp__signal26", false) THEN '+31 ' || 'signal number 26' END, CASE WHEN coalesce("icp__signal27", false) THEN '-28 ' || 'country=' || "icp__t2" END) END, '') AS "icp_reasons",
    CASE WHEN NOT "icp__excluded" AND "icp__available0" > 0 THEN CASE WHEN ("icp__available0") = 0 OR ("icp__earned0") <= 0 THEN 0 WHEN ("icp__earned0") >= ("icp__available0") THEN 100 ELSE CAST(((200 * ("icp__earned0") + ("icp__available0")) // (2 * ("icp__available0"))) AS INTEGER) END END AS "icp_g1",
    CASE WHEN NOT "icp__excluded" AND "icp__available1" > 0 THEN CASE WHEN ("icp__available1") = 0 OR ("icp__earned1") <= 0 THEN 0 WHEN ("icp__earned1") >= ("icp__available1") THEN 100 ELSE CAST(((200 * ("icp__earned1") + ("icp__available1")) // (2 * ("icp__available1"))) AS INTEGER) END END AS "icp_g2"
FROM icp__scored;
