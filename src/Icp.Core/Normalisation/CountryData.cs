namespace Icp.Core.Normalisation;

/// <summary>
/// The ISO 3166-1 table: alpha-2, alpha-3, the sales region, and the English short name. Names and codes are facts
/// from ISO 3166-1 (short names written here in their common English form, without accents); regions follow the
/// usual B2B territory split: N = NA (US, Canada and nearby territories), L = LATAM (Mexico, Central and South
/// America, Caribbean), E = EMEA (Europe, Middle East, Africa), A = APAC (Asia and Oceania), - = none.
/// </summary>
internal static class CountryData
{
    public const string Table = """
        AD AND E Andorra
        AE ARE E United Arab Emirates
        AF AFG A Afghanistan
        AG ATG L Antigua and Barbuda
        AI AIA L Anguilla
        AL ALB E Albania
        AM ARM E Armenia
        AO AGO E Angola
        AQ ATA - Antarctica
        AR ARG L Argentina
        AS ASM A American Samoa
        AT AUT E Austria
        AU AUS A Australia
        AW ABW L Aruba
        AX ALA E Aland Islands
        AZ AZE E Azerbaijan
        BA BIH E Bosnia and Herzegovina
        BB BRB L Barbados
        BD BGD A Bangladesh
        BE BEL E Belgium
        BF BFA E Burkina Faso
        BG BGR E Bulgaria
        BH BHR E Bahrain
        BI BDI E Burundi
        BJ BEN E Benin
        BL BLM L Saint Barthelemy
        BM BMU N Bermuda
        BN BRN A Brunei Darussalam
        BO BOL L Bolivia
        BQ BES L Bonaire, Sint Eustatius and Saba
        BR BRA L Brazil
        BS BHS L Bahamas
        BT BTN A Bhutan
        BV BVT - Bouvet Island
        BW BWA E Botswana
        BY BLR E Belarus
        BZ BLZ L Belize
        CA CAN N Canada
        CC CCK A Cocos (Keeling) Islands
        CD COD E Democratic Republic of the Congo
        CF CAF E Central African Republic
        CG COG E Republic of the Congo
        CH CHE E Switzerland
        CI CIV E Cote d'Ivoire
        CK COK A Cook Islands
        CL CHL L Chile
        CM CMR E Cameroon
        CN CHN A China
        CO COL L Colombia
        CR CRI L Costa Rica
        CU CUB L Cuba
        CV CPV E Cabo Verde
        CW CUW L Curacao
        CX CXR A Christmas Island
        CY CYP E Cyprus
        CZ CZE E Czechia
        DE DEU E Germany
        DJ DJI E Djibouti
        DK DNK E Denmark
        DM DMA L Dominica
        DO DOM L Dominican Republic
        DZ DZA E Algeria
        EC ECU L Ecuador
        EE EST E Estonia
        EG EGY E Egypt
        EH ESH E Western Sahara
        ER ERI E Eritrea
        ES ESP E Spain
        ET ETH E Ethiopia
        FI FIN E Finland
        FJ FJI A Fiji
        FK FLK L Falkland Islands
        FM FSM A Micronesia
        FO FRO E Faroe Islands
        FR FRA E France
        GA GAB E Gabon
        GB GBR E United Kingdom
        GD GRD L Grenada
        GE GEO E Georgia
        GF GUF L French Guiana
        GG GGY E Guernsey
        GH GHA E Ghana
        GI GIB E Gibraltar
        GL GRL N Greenland
        GM GMB E Gambia
        GN GIN E Guinea
        GP GLP L Guadeloupe
        GQ GNQ E Equatorial Guinea
        GR GRC E Greece
        GS SGS L South Georgia and the South Sandwich Islands
        GT GTM L Guatemala
        GU GUM A Guam
        GW GNB E Guinea-Bissau
        GY GUY L Guyana
        HK HKG A Hong Kong
        HM HMD A Heard Island and McDonald Islands
        HN HND L Honduras
        HR HRV E Croatia
        HT HTI L Haiti
        HU HUN E Hungary
        ID IDN A Indonesia
        IE IRL E Ireland
        IL ISR E Israel
        IM IMN E Isle of Man
        IN IND A India
        IO IOT A British Indian Ocean Territory
        IQ IRQ E Iraq
        IR IRN E Iran
        IS ISL E Iceland
        IT ITA E Italy
        JE JEY E Jersey
        JM JAM L Jamaica
        JO JOR E Jordan
        JP JPN A Japan
        KE KEN E Kenya
        KG KGZ A Kyrgyzstan
        KH KHM A Cambodia
        KI KIR A Kiribati
        KM COM E Comoros
        KN KNA L Saint Kitts and Nevis
        KP PRK A North Korea
        KR KOR A South Korea
        KW KWT E Kuwait
        KY CYM L Cayman Islands
        KZ KAZ A Kazakhstan
        LA LAO A Laos
        LB LBN E Lebanon
        LC LCA L Saint Lucia
        LI LIE E Liechtenstein
        LK LKA A Sri Lanka
        LR LBR E Liberia
        LS LSO E Lesotho
        LT LTU E Lithuania
        LU LUX E Luxembourg
        LV LVA E Latvia
        LY LBY E Libya
        MA MAR E Morocco
        MC MCO E Monaco
        MD MDA E Moldova
        ME MNE E Montenegro
        MF MAF L Saint Martin (French part)
        MG MDG E Madagascar
        MH MHL A Marshall Islands
        MK MKD E North Macedonia
        ML MLI E Mali
        MM MMR A Myanmar
        MN MNG A Mongolia
        MO MAC A Macao
        MP MNP A Northern Mariana Islands
        MQ MTQ L Martinique
        MR MRT E Mauritania
        MS MSR L Montserrat
        MT MLT E Malta
        MU MUS E Mauritius
        MV MDV A Maldives
        MW MWI E Malawi
        MX MEX L Mexico
        MY MYS A Malaysia
        MZ MOZ E Mozambique
        NA NAM E Namibia
        NC NCL A New Caledonia
        NE NER E Niger
        NF NFK A Norfolk Island
        NG NGA E Nigeria
        NI NIC L Nicaragua
        NL NLD E Netherlands
        NO NOR E Norway
        NP NPL A Nepal
        NR NRU A Nauru
        NU NIU A Niue
        NZ NZL A New Zealand
        OM OMN E Oman
        PA PAN L Panama
        PE PER L Peru
        PF PYF A French Polynesia
        PG PNG A Papua New Guinea
        PH PHL A Philippines
        PK PAK A Pakistan
        PL POL E Poland
        PM SPM N Saint Pierre and Miquelon
        PN PCN A Pitcairn
        PR PRI L Puerto Rico
        PS PSE E Palestine
        PT PRT E Portugal
        PW PLW A Palau
        PY PRY L Paraguay
        QA QAT E Qatar
        RE REU E Reunion
        RO ROU E Romania
        RS SRB E Serbia
        RU RUS E Russia
        RW RWA E Rwanda
        SA SAU E Saudi Arabia
        SB SLB A Solomon Islands
        SC SYC E Seychelles
        SD SDN E Sudan
        SE SWE E Sweden
        SG SGP A Singapore
        SH SHN E Saint Helena, Ascension and Tristan da Cunha
        SI SVN E Slovenia
        SJ SJM E Svalbard and Jan Mayen
        SK SVK E Slovakia
        SL SLE E Sierra Leone
        SM SMR E San Marino
        SN SEN E Senegal
        SO SOM E Somalia
        SR SUR L Suriname
        SS SSD E South Sudan
        ST STP E Sao Tome and Principe
        SV SLV L El Salvador
        SX SXM L Sint Maarten (Dutch part)
        SY SYR E Syria
        SZ SWZ E Eswatini
        TC TCA L Turks and Caicos Islands
        TD TCD E Chad
        TF ATF E French Southern Territories
        TG TGO E Togo
        TH THA A Thailand
        TJ TJK A Tajikistan
        TK TKL A Tokelau
        TL TLS A Timor-Leste
        TM TKM A Turkmenistan
        TN TUN E Tunisia
        TO TON A Tonga
        TR TUR E Turkey
        TT TTO L Trinidad and Tobago
        TV TUV A Tuvalu
        TW TWN A Taiwan
        TZ TZA E Tanzania
        UA UKR E Ukraine
        UG UGA E Uganda
        UM UMI A United States Minor Outlying Islands
        US USA N United States
        UY URY L Uruguay
        UZ UZB A Uzbekistan
        VA VAT E Holy See
        VC VCT L Saint Vincent and the Grenadines
        VE VEN L Venezuela
        VG VGB L British Virgin Islands
        VI VIR L U.S. Virgin Islands
        VN VNM A Vietnam
        VU VUT A Vanuatu
        WF WLF A Wallis and Futuna
        WS WSM A Samoa
        YE YEM E Yemen
        YT MYT E Mayotte
        ZA ZAF E South Africa
        ZM ZMB E Zambia
        ZW ZWE E Zimbabwe
        """;

    /// <summary>Other names people write, <c>|</c>-separated, each line with the alpha-2 code they mean (compared after folding, see <see cref="TextFold"/>).</summary>
    public const string Variants = """
        US: USA | U.S. | U.S.A. | United States of America | America | the US | the States | Estados Unidos | Etats-Unis | Vereinigte Staaten
        GB: UK | U.K. | Great Britain | Britain | England | Scotland | Wales | Northern Ireland | United Kingdom of Great Britain and Northern Ireland | Grossbritannien | Royaume-Uni
        DE: Deutschland | Federal Republic of Germany | Allemagne | Alemania | Germania
        NL: Holland | Nederland | Pays-Bas | Niederlande
        KR: Korea | Republic of Korea | Korea, Republic of | Korea (South) | S. Korea | ROK
        KP: Democratic People's Republic of Korea | Korea, DPR | Korea (North) | DPRK
        CZ: Czech Republic | Czech | Cesko | Ceska republika
        CH: Schweiz | Suisse | Svizzera | Swiss Confederation
        AT: Osterreich | Oesterreich | Autriche
        FR: Republique francaise | Frankreich | Francia
        ES: Espana | Espagne | Spanien
        IT: Italia | Italien
        SE: Sverige | Schweden
        NO: Norge | Norwegen
        DK: Danmark | Danemark | Daenemark
        FI: Suomi | Finnland
        BE: Belgique | Belgie | Belgien
        PL: Polska | Polen
        BR: Brasil | Brasilien
        MX: Mexique | Mexiko
        JP: Nippon | Nihon
        CN: PRC | People's Republic of China | Mainland China | China (PRC)
        TW: Republic of China | Taiwan, Province of China | Chinese Taipei
        HK: Hong Kong SAR | Hong Kong SAR China | Hongkong
        MO: Macau | Macao SAR
        RU: Russian Federation | Rossiya
        IR: Iran, Islamic Republic of | Islamic Republic of Iran
        SY: Syrian Arab Republic
        VN: Viet Nam
        LA: Lao PDR | Lao People's Democratic Republic
        BO: Bolivia, Plurinational State of
        VE: Venezuela, Bolivarian Republic of
        TZ: Tanzania, United Republic of
        MD: Moldova, Republic of | Republic of Moldova
        MK: Macedonia | FYROM | Republic of North Macedonia
        CI: Ivory Coast
        CV: Cape Verde
        SZ: Swaziland
        MM: Burma
        TL: East Timor
        TR: Turkiye | Republic of Turkey
        CD: DR Congo | DRC | Congo-Kinshasa | Congo, The Democratic Republic of the
        CG: Congo | Congo-Brazzaville
        PS: Palestine, State of | Palestinian Territories
        VA: Vatican | Vatican City
        FM: Micronesia, Federated States of
        AE: UAE | Emirates
        SA: KSA
        IE: Eire | Republic of Ireland
        NZ: Aotearoa
        BN: Brunei
        BS: The Bahamas
        GM: The Gambia
        BL: St. Barts
        KN: St. Kitts and Nevis
        LC: St. Lucia
        VC: St. Vincent and the Grenadines
        VG: Virgin Islands, British
        VI: US Virgin Islands | Virgin Islands, U.S.
        """;
}
