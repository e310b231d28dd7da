// The demo region: the providers, towns, windows and channels of the 2019 article (../shared/seed), as data.
// EDRPOU codes and IBANs are made up (valid check digits, not the companies' real ones).
import type { Channel, ServiceCode } from "../db/tables/reference.table.ts";

export interface DemoSettlement {
  code: string;
  uk: string;
  ru: string;
  en: string;
  aliases: string[];
  /** Households, in thousands (rough 2019 figures): how generated premises spread over towns. */
  weight: number;
  postalCode: string;
}

export const SETTLEMENTS: DemoSettlement[] = [
  {
    code: "dobropillia",
    uk: "Добропілля",
    ru: "Доброполье",
    en: "Dobropillia",
    weight: 12,
    postalCode: "85000",
    aliases: [
      "добропілля",
      "добропіллі",
      "доброполье",
      "доброполья",
      "добропольє",
      "в добропіллі",
      "из доброполья",
    ],
  },
  {
    code: "mariupol",
    uk: "Маріуполь",
    ru: "Мариуполь",
    en: "Mariupol",
    weight: 180,
    postalCode: "87500",
    aliases: ["маріуполь", "маріуполі", "мариуполь", "мариуполе", "мариуполя", "маріуполя"],
  },
  {
    code: "kramatorsk",
    uk: "Краматорськ",
    ru: "Краматорск",
    en: "Kramatorsk",
    weight: 65,
    postalCode: "84300",
    aliases: ["краматорськ", "краматорську", "краматорська", "краматорск", "краматорске", "краматорска"],
  },
  {
    code: "bakhmut",
    uk: "Бахмут",
    ru: "Бахмут",
    en: "Bakhmut",
    weight: 30,
    postalCode: "84500",
    aliases: ["бахмут", "бахмуті", "бахмута", "бахмуте", "артемівськ", "артемовск"],
  },
  {
    code: "myrnohrad",
    uk: "Мирноград",
    ru: "Мирноград",
    en: "Myrnohrad",
    weight: 20,
    postalCode: "85320",
    aliases: ["мирноград", "мирнограді", "мирнограда", "мирнограде", "димитров"],
  },
  {
    code: "kostiantynivka",
    uk: "Костянтинівка",
    ru: "Константиновка",
    en: "Kostiantynivka",
    weight: 28,
    postalCode: "85100",
    aliases: [
      "костянтинівка",
      "костянтинівці",
      "костянтинівки",
      "константиновка",
      "константиновке",
      "константиновки",
    ],
  },
  {
    code: "sloviansk",
    uk: "Словʼянськ",
    ru: "Славянск",
    en: "Sloviansk",
    weight: 44,
    postalCode: "84100",
    aliases: [
      "словʼянськ",
      "слов'янськ",
      "словянськ",
      "словʼянську",
      "слов'янську",
      "славянск",
      "славянске",
      "славянска",
    ],
  },
  {
    code: "pokrovsk",
    uk: "Покровськ",
    ru: "Покровск",
    en: "Pokrovsk",
    weight: 26,
    postalCode: "85300",
    aliases: [
      "покровськ",
      "покровську",
      "покровська",
      "покровск",
      "покровске",
      "покровска",
      "красноармійськ",
    ],
  },
  {
    code: "volnovakha",
    uk: "Волноваха",
    ru: "Волноваха",
    en: "Volnovakha",
    weight: 9,
    postalCode: "85700",
    aliases: ["волноваха", "волновасі", "волновахи", "волновахе"],
  },
  {
    code: "druzhkivka",
    uk: "Дружківка",
    ru: "Дружковка",
    en: "Druzhkivka",
    weight: 23,
    postalCode: "84200",
    aliases: ["дружківка", "дружківці", "дружківки", "дружковка", "дружковке", "дружковки"],
  },
  {
    code: "lyman",
    uk: "Лиман",
    ru: "Лиман",
    en: "Lyman",
    weight: 8,
    postalCode: "84400",
    aliases: ["лиман", "лимані", "лимана", "лимане", "красний лиман"],
  },
  {
    code: "toretsk",
    uk: "Торецьк",
    ru: "Торецк",
    en: "Toretsk",
    weight: 13,
    postalCode: "85200",
    aliases: ["торецьк", "торецьку", "торецька", "торецк", "торецке", "торецка", "дзержинськ"],
  },
  {
    code: "sviatohirsk",
    uk: "Святогірськ",
    ru: "Святогорск",
    en: "Sviatohirsk",
    weight: 2,
    postalCode: "84130",
    aliases: ["святогірськ", "святогірську", "святогірська", "святогорск", "святогорске", "святогорска"],
  },
];

export interface DemoWindow {
  service: ServiceCode;
  opensDay: number;
  closesDay: number;
  deemedDateRule: "submission_day" | "first_of_month";
  latePolicy: "refuse" | "next_period";
  source: string;
}

export interface DemoProvider {
  code: string;
  uk: string;
  ru: string;
  en: string;
  edrpou: string;
  iban: string;
  phones: string[];
  channels: Channel[];
  /** Contact-centre hours Monday–Friday and Saturday; Sunday closed unless given. */
  hours: { weekdays: [string, string]; saturday?: [string, string]; sunday?: [string, string] };
  voiceHours?: [string, string];
  services: ServiceCode[];
  settlements: string[];
  windows: DemoWindow[];
  /** How generated readings reached this provider, by share (the rest came through the web cabinet). */
  readingChannels: [Channel, number][];
  /** How account numbers look on this provider's bills: a SQL expression over the running number `n`. */
  accountSql: string;
}

const ALL_TOWNS = SETTLEMENTS.map((s) => s.code);

// Mariupol's and Kramatorsk's water utilities take readings from the 10th to the 25th (the article).
const WATER_10_TO_25: DemoWindow = {
  service: "cold_water",
  opensDay: 10,
  closesDay: 25,
  deemedDateRule: "submission_day",
  latePolicy: "refuse",
  source: "Provider's rule as published in 2019: readings from the 10th to the 25th",
};

export const PROVIDERS: DemoProvider[] = [
  {
    code: "deu",
    uk: "ТОВ «Донецькі енергетичні послуги»",
    ru: "ООО «Донецкие энергетические услуги»",
    en: "Donetsk Energy Services LLC",
    edrpou: "42350012",
    iban: "UA483052990000026004000300001",
    phones: ["+380676526000", "+380956526000", "+380629526000"],
    channels: ["web", "voice", "facebook", "viber", "telegram", "contact_centre", "bank", "import"],
    readingChannels: [
      ["contact_centre", 0.12],
      ["voice", 0.08],
      ["facebook", 0.02],
      ["viber", 0.04],
      ["telegram", 0.03],
    ],
    hours: { weekdays: ["08:00", "20:00"], saturday: ["09:00", "18:00"] },
    voiceHours: ["07:00", "21:00"],
    services: ["electricity"],
    settlements: ALL_TOWNS,
    windows: [
      {
        service: "electricity",
        // "The last days of the month and the 1st–2nd": 29 July – 2 August 2019 in the article.
        opensDay: -3,
        closesDay: 2,
        deemedDateRule: "first_of_month",
        latePolicy: "next_period",
        source:
          "Code of commercial metering, NEURC resolution No. 311 of 14.03.2018: readings from 2 days before the " +
          "month's end to the 3rd count as taken on the 1st",
      },
    ],
    accountSql:
      "lpad((n / 1000000 + 10)::text, 2, '0') || '-' || lpad((n % 1000000)::text, 6, '0') || '/' || (n % 7)",
  },
  {
    code: "mariupol-vkg",
    uk: "КП «Маріупольське ПУ ВКГ»",
    ru: "КП «Мариупольское ПУ ВКХ»",
    en: "Mariupol Water Utility (ПУ ВКГ)",
    edrpou: "42350028",
    iban: "UA213052990000026004000300002",
    phones: ["+380629400400"],
    channels: ["web", "viber", "contact_centre", "bank", "import"],
    readingChannels: [
      ["contact_centre", 0.15],
      ["viber", 0.12],
    ],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["cold_water", "sewerage"],
    settlements: ["mariupol"],
    windows: [WATER_10_TO_25],
    accountSql: "'ВК' || lpad(n::text, 7, '0')",
  },
  {
    code: "kramatorsk-vodokanal",
    uk: "КПП «Краматорський водоканал»",
    ru: "КПП «Краматорский водоканал»",
    en: "Kramatorsk Vodokanal",
    edrpou: "42350033",
    iban: "UA913052990000026004000300003",
    phones: ["+380626416000"],
    channels: ["web", "viber", "contact_centre", "bank", "import"],
    readingChannels: [
      ["contact_centre", 0.15],
      ["viber", 0.12],
    ],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["cold_water", "sewerage"],
    settlements: ["kramatorsk"],
    windows: [WATER_10_TO_25],
    accountSql: "'K.' || lpad(n::text, 6, '0')",
  },
  {
    code: "bakhmut-voda",
    uk: "КП «Бахмут-вода»",
    ru: "КП «Бахмут-вода»",
    en: "Bakhmut-Voda",
    edrpou: "42350049",
    iban: "UA643052990000026004000300004",
    phones: ["+380627444040"],
    channels: ["web", "contact_centre", "bank", "import"],
    readingChannels: [["contact_centre", 0.2]],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["cold_water", "sewerage"],
    settlements: ["bakhmut"],
    windows: [
      {
        service: "cold_water",
        opensDay: 1,
        closesDay: 25,
        deemedDateRule: "submission_day",
        latePolicy: "refuse",
        source: "Illustrative: the article does not state this provider's window",
      },
    ],
    accountSql: "lpad(n::text, 6, '0') || '.1'",
  },
  {
    code: "voda-donbasu",
    uk: "КП «Компанія «Вода Донбасу»",
    ru: "КП «Компания «Вода Донбасса»",
    en: "Voda Donbasu",
    edrpou: "42350054",
    iban: "UA373052990000026004000300005",
    phones: ["+380623450505"],
    channels: ["web", "contact_centre", "bank", "import"],
    readingChannels: [["contact_centre", 0.2]],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["cold_water", "sewerage"],
    settlements: ["myrnohrad", "dobropillia"],
    windows: [
      {
        service: "cold_water",
        opensDay: 5,
        closesDay: 20,
        deemedDateRule: "submission_day",
        latePolicy: "refuse",
        source: "Illustrative: the article does not state this provider's window",
      },
    ],
    accountSql: "'ВД-' || lpad(n::text, 7, '0')",
  },
  {
    code: "donetskoblgaz",
    uk: "ТОВ «Донецькоблгаз постачання» (демо)",
    ru: "ООО «Донецкоблгаз снабжение» (демо)",
    en: "Donetsk Regional Gas Supply (demo)",
    edrpou: "42350066",
    iban: "UA103052990000026004000300006",
    phones: ["+380800300104"],
    // Gas suppliers ran the short-number "ACCOUNT READING" SMS service the article mentions (docs/sms.md).
    channels: ["web", "sms", "contact_centre", "bank", "import"],
    readingChannels: [["contact_centre", 0.2]],
    hours: { weekdays: ["08:00", "20:00"], saturday: ["09:00", "15:00"] },
    services: ["gas"],
    settlements: ["kostiantynivka", "sloviansk", "pokrovsk"],
    windows: [
      {
        service: "gas",
        opensDay: 1,
        closesDay: 5,
        deemedDateRule: "first_of_month",
        latePolicy: "refuse",
        source:
          "Standard gas distribution contract, NEURC resolution No. 2498 of 30.09.2015, item 5.5: the reading is " +
          "taken on the 1st and submitted from the 1st to the 5th",
      },
    ],
    // 10 digits, as in the regional gas companies' SMS format "ACCOUNT READING".
    accountSql: "lpad(n::text, 10, '0')",
  },
  {
    code: "dtke",
    uk: "КП «Донецьктеплокомуненерго»",
    ru: "КП «Донецктеплокоммунэнерго»",
    en: "Donetskteplokomunenergo",
    edrpou: "42350075",
    iban: "UA803052990000026004000300007",
    phones: ["+380626480480"],
    channels: ["web", "contact_centre", "bank", "import"],
    readingChannels: [["contact_centre", 0.2]],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["hot_water", "heating"],
    settlements: [
      "volnovakha",
      "druzhkivka",
      "myrnohrad",
      "kostiantynivka",
      "kramatorsk",
      "sloviansk",
      "lyman",
      "toretsk",
      "sviatohirsk",
    ],
    windows: [
      {
        service: "hot_water",
        opensDay: 15,
        closesDay: 25,
        deemedDateRule: "submission_day",
        latePolicy: "refuse",
        source: "Illustrative: the article does not state this provider's window",
      },
    ],
    accountSql: "'Т/' || lpad(n::text, 7, '0')",
  },
  {
    code: "mariupol-teplomerezha",
    uk: "КПП «Маріупольтепломережа»",
    ru: "КПП «Мариупольтеплосеть»",
    en: "Mariupol Heat Network",
    edrpou: "42350080",
    iban: "UA533052990000026004000300008",
    phones: ["+380629500900"],
    channels: ["web", "contact_centre", "bank", "import"],
    readingChannels: [["contact_centre", 0.2]],
    hours: { weekdays: ["08:00", "17:00"] },
    services: ["hot_water", "heating"],
    settlements: ["mariupol"],
    windows: [
      {
        service: "hot_water",
        opensDay: 20,
        closesDay: -1,
        deemedDateRule: "submission_day",
        latePolicy: "refuse",
        source: "Illustrative: the article does not state this provider's window",
      },
    ],
    accountSql: "'31' || lpad(n::text, 6, '0') || '-1'",
  },
];

export interface DemoTariff {
  provider: string;
  service: ServiceCode;
  effectiveFrom: string;
  fixedFeeKop?: number;
  normPerResident?: string;
  normPerM2?: string;
  blocks: { upTo: string | null; priceUah: string }[];
  zones?: { zones: 2 | 3; zone: number; name: "day" | "night" | "peak" | "half_peak"; coefficient: string }[];
  illustrative: boolean;
  source: string;
}

const illustrative = "Illustrative demo tariff, not a regulator's figure";

export const TARIFFS: DemoTariff[] = [
  {
    provider: "deu",
    service: "electricity",
    effectiveFrom: "2017-03-01",
    blocks: [
      { upTo: "100", priceUah: "0.90" },
      { upTo: null, priceUah: "1.68" },
    ],
    zones: [
      { zones: 2, zone: 1, name: "day", coefficient: "1.0" },
      { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
      { zones: 3, zone: 1, name: "peak", coefficient: "1.5" },
      { zones: 3, zone: 2, name: "half_peak", coefficient: "1.0" },
      { zones: 3, zone: 3, name: "night", coefficient: "0.4" },
    ],
    illustrative: false,
    source:
      "Household electricity prices of 2019: 0.90 UAH/kWh up to 100 kWh a month, 1.68 UAH/kWh above; " +
      "two-zone night 0.5 / day 1.0, three-zone peak 1.5 / half-peak 1.0 / night 0.4",
  },
  ...["mariupol-vkg", "kramatorsk-vodokanal", "bakhmut-voda", "voda-donbasu"].flatMap(
    (provider): DemoTariff[] => [
      {
        provider,
        service: "cold_water",
        effectiveFrom: "2019-01-01",
        normPerResident: "3.600",
        blocks: [{ upTo: null, priceUah: "17.364" }],
        illustrative: true,
        source: illustrative,
      },
      {
        provider,
        service: "sewerage",
        effectiveFrom: "2019-01-01",
        normPerResident: "3.600",
        blocks: [{ upTo: null, priceUah: "11.502" }],
        illustrative: true,
        source: illustrative,
      },
    ],
  ),
  {
    provider: "donetskoblgaz",
    service: "gas",
    effectiveFrom: "2019-01-01",
    fixedFeeKop: 0,
    normPerResident: "9.800",
    blocks: [{ upTo: null, priceUah: "7.99" }],
    illustrative: true,
    source: illustrative,
  },
  ...["dtke", "mariupol-teplomerezha"].flatMap((provider): DemoTariff[] => [
    {
      provider,
      service: "hot_water",
      effectiveFrom: "2019-01-01",
      normPerResident: "2.500",
      blocks: [{ upTo: null, priceUah: "93.40" }],
      illustrative: true,
      source: illustrative,
    },
    // Heating without a meter: Gcal per m² of heated area a month, at the price per Gcal.
    {
      provider,
      service: "heating",
      effectiveFrom: "2019-01-01",
      fixedFeeKop: 2150,
      normPerM2: "0.01680",
      blocks: [{ upTo: null, priceUah: "1654.41" }],
      illustrative: true,
      source: illustrative,
    },
  ]),
];

/** The people whose sign-ins the README lists. */
export const DEMO_PASSWORD = "demo-password-2019";
export const DEMO_PEOPLE = {
  resident: {
    email: "resident@demo.abonent.ua",
    fullName: "Олена Коваленко",
    holderName: "Коваленко Олена",
    phone: "+380671112233",
  },
  operator: { email: "operator@deu.demo.abonent.ua", fullName: "Ірина Оператор", provider: "deu" },
  administrator: { email: "admin@deu.demo.abonent.ua", fullName: "Андрій Адміністратор", provider: "deu" },
  platformAdmin: { email: "platform@demo.abonent.ua", fullName: "Платформа Адмін" },
} as const;
