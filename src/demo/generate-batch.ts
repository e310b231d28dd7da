// Generates one batch of premises with their accounts, residents and meters, entirely inside the database (INSERT …
// SELECT over generate_series); their 12 months of readings are computed in the process (generate-readings.ts), and
// payments follow the bills (history-payments.ts).
// Every random choice is demo_rand(seed, key, salt): a hash, so the same seed gives the same region.
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
import type { ReadingPlan, ReadingWindow } from "./generate-readings.ts";
import type { ReferenceIds } from "./load-reference.ts";
import { PROVIDERS, SETTLEMENTS } from "./region.ts";

export const DEMO_FUNCTIONS_SQL = `
create or replace function demo_rand(seed int, k bigint, salt int) returns float8
  language sql immutable parallel safe as $$
  select (hashint8extended(k, seed::bigint * 1000003 + salt) & 4503599627370495)::float8 / 4503599627370496.0
$$;
-- domain/account-number.ts's rule for the characters the demo's account formats use (digits, A-Z, the
-- Cyrillic capitals of the formats, - / .); a test compares every generated account with the TypeScript rule.
create or replace function demo_normalize_account_number(raw text) returns text
  language sql immutable parallel safe as $$
  select translate(upper(regexp_replace(raw, '[-/. ]', '', 'g')), 'АВЕКМНОРСТХІ', 'ABEKMHOPCTXI')
$$;
create or replace function demo_pick(options text[], r float8) returns text
  language sql immutable parallel safe as $$
  select options[1 + floor(r * array_length(options, 1))::int]
$$;`;

const STREETS = [
  "вул. Центральна",
  "вул. Шевченка",
  "вул. Миру",
  "вул. Садова",
  "вул. Лесі Українки",
  "вул. Незалежності",
  "вул. Степова",
  "вул. Зелена",
  "вул. Шкільна",
  "вул. Козацька",
  "вул. Соборна",
  "просп. Свободи",
  "вул. Вишнева",
  "вул. Дружби",
  "вул. Паркова",
  "вул. Гірнича",
  "вул. Заводська",
  "бульв. Машинобудівників",
];
const FIRST_NAMES = [
  "Олена",
  "Ганна",
  "Марія",
  "Наталія",
  "Тетяна",
  "Людмила",
  "Валентина",
  "Світлана",
  "Ірина",
  "Оксана",
  "Іван",
  "Микола",
  "Олександр",
  "Сергій",
  "Володимир",
  "Петро",
  "Василь",
  "Андрій",
  "Юрій",
  "Віктор",
];
const SURNAMES = [
  "Коваленко",
  "Бондаренко",
  "Ткаченко",
  "Шевченко",
  "Кравченко",
  "Мельник",
  "Бойко",
  "Олійник",
  "Савченко",
  "Руденко",
  "Марченко",
  "Петренко",
  "Литвиненко",
  "Поліщук",
  "Гончаренко",
  "Лисенко",
  "Мороз",
  "Павленко",
];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `array[${xs.map(lit).join(", ")}]`;

/** Static SQL fragments that depend on the reference ids, built once per seeding. */
export function buildFragments(ids: ReferenceIds) {
  const pid = (code: string) => ids.providerIds.get(code)!;
  let acc = 0;
  const total = SETTLEMENTS.reduce((s, x) => s + x.weight, 0);
  const towns = SETTLEMENTS.map((s) => {
    const lo = acc / total;
    acc += s.weight;
    return `(${ids.settlementIds.get(s.code)}, ${lo}, ${acc / total}, ${lit(s.postalCode)})`;
  }).join(",\n");

  // Account slots: 0 electricity, 1 water, 2 gas, 3 heat (hot water + heating), with the share of premises.
  const slotOf = (p: (typeof PROVIDERS)[number]) =>
    p.services.includes("electricity")
      ? 0
      : p.services.includes("cold_water")
        ? 1
        : p.services.includes("gas")
          ? 2
          : 3;
  const shareOf = [1, 0.9, 0.7, 0.75];
  const slots = PROVIDERS.flatMap((p) =>
    p.settlements.map(
      (t) => `(${ids.settlementIds.get(t)}, ${slotOf(p)}, ${pid(p.code)}, ${shareOf[slotOf(p)]})`,
    ),
  ).join(",\n");
  const accountNumber = `case a.provider_id ${PROVIDERS.map((p) => `when ${pid(p.code)} then ${p.accountSql}`).join(" ")} end`;

  // When readings came, relative to an anchor day: the 1st of the next month for "first_of_month" windows,
  // else the period's 1st. Offsets in days, inclusive.
  const windows = new Map<string, ReadingWindow>();
  for (const p of PROVIDERS)
    for (const w of p.windows)
      windows.set(`${pid(p.code)}:${w.service}`, {
        anchorNext: w.deemedDateRule === "first_of_month",
        lo: w.opensDay < 0 ? w.opensDay : w.opensDay - 1,
        hi: w.closesDay < 0 ? 28 + w.closesDay : w.closesDay - 1,
      });

  // The channels of readings by share after the web cabinet's 0.7 (channelOf), the edges rounded to 4 places as
  // the SQL that generated readings before compared them.
  const channelEdges = new Map<number, [string, number][]>();
  for (const p of PROVIDERS) {
    let edge = 0.7;
    channelEdges.set(
      pid(p.code),
      p.readingChannels.map(([ch, share]) => {
        edge += share;
        return [ch, Number(edge.toFixed(4))];
      }),
    );
  }
  const readingPlan: ReadingPlan = { windows, channels: channelEdges };

  return { towns, slots, accountNumber, readingPlan };
}

export type Fragments = ReturnType<typeof buildFragments>;

export interface BatchParams {
  seed: number;
  asOf: string;
  firstPremise: number;
  lastPremise: number;
  /** Accounts still to create: the batch stops there. */
  accountsLeft: number;
}

// The draws that decide a premise's town and which of its account slots exist: shared by the batch and by the
// count that plans the batches.
const TOWN_DRAWN = "demo_rand(:seed, g.id, 1) >= w.lo and demo_rand(:seed, g.id, 1) < w.hi";
const SLOT_DRAWN = "demo_rand(:seed, g.id * 4 + s.slot, 10) < s.share";

/**
 * How many accounts the premises of each span of `span` premise ids hold, for `spans` spans from span `from`: computed
 * from the same draws as the batches, without writing anything, so the batches can be planned up front and loaded
 * on several connections at once.
 */
export async function countAccountsPerSpan(
  trx: Tx,
  f: Fragments,
  p: { seed: number; span: number; spans: number; from: number },
): Promise<number[]> {
  const { rows } = await sql
    .raw<{ k: number; n: number }>(
      `select ((g.id - 1) / ${p.span} - ${p.from})::int as k, count(*)::int as n
       from generate_series(${p.from * p.span + 1}::bigint, ${(p.from + p.spans) * p.span}::bigint) g(id)
       join (values ${f.towns}) w(settlement_id, lo, hi, postal_code) on ${TOWN_DRAWN}
       join (values ${f.slots}) s(settlement_id, slot, provider_id, share) on s.settlement_id = w.settlement_id
       where ${SLOT_DRAWN}
       group by 1`.replaceAll(":seed", String(p.seed)),
    )
    .execute(trx);
  const counts = new Array<number>(p.spans).fill(0);
  for (const r of rows) counts[r.k] = r.n;
  return counts;
}

// An electricity meter replaced half a year before the region's day (two in a hundred), and the day it was.
const REPLACED = "(svc.code = 'electricity' and demo_rand(:seed, a.id, 44) < 0.02)";
const REPLACED_ON = "((date_trunc('month', :as_of::timestamp) - interval '6 months')::date + 5)";

function bind(text: string, p: BatchParams): string {
  return text
    .replaceAll(":seed", String(p.seed))
    .replaceAll(":as_of", `date ${lit(p.asOf)}`)
    .replaceAll(":lo", String(p.firstPremise))
    .replaceAll(":hi", String(p.lastPremise))
    .replaceAll(":left", String(p.accountsLeft));
}

/** Returns the number of accounts created. */
export async function generateBatch(trx: Tx, f: Fragments, p: BatchParams): Promise<number> {
  const run = (text: string) => sql.raw(bind(text, p)).execute(trx);

  await run(`
    insert into premises (id, settlement_id, street, building, apartment, postal_code, area_m2, residents)
    select g.id, w.settlement_id,
      demo_pick(${arr(STREETS)}, demo_rand(:seed, g.id, 2)),
      (1 + floor(demo_rand(:seed, g.id, 3) * 150))::int::text,
      case when demo_rand(:seed, g.id, 4) < 0.7 then (1 + floor(demo_rand(:seed, g.id, 5) * 180))::int::text end,
      w.postal_code,
      round((28 + demo_rand(:seed, g.id, 6) * 70)::numeric, 2),
      1 + floor(demo_rand(:seed, g.id, 7) * 4)::int
    from generate_series(:lo::bigint, :hi::bigint - 1) g(id)
    join (values ${f.towns}) w(settlement_id, lo, hi, postal_code) on ${TOWN_DRAWN}`);

  const created = await sql
    .raw<{ n: number }>(
      bind(
        `
    with a as (
      select p.id * 4 + s.slot as id, s.provider_id, p.id as n, p.id as premise_id
      from premises p
      join (values ${f.slots}) s(settlement_id, slot, provider_id, share) on s.settlement_id = p.settlement_id
      where p.id >= :lo and p.id < :hi and ${SLOT_DRAWN.replaceAll("g.id", "p.id")}
      order by p.id, s.slot
      limit :left
    ), ins as (
      insert into accounts (id, provider_id, number, number_normalized, premise_id, holder_name, opened_on)
      select a.id, a.provider_id, num.number, demo_normalize_account_number(num.number), a.premise_id,
        demo_pick(${arr(SURNAMES)}, demo_rand(:seed, a.premise_id, 11)) || ' ' ||
          demo_pick(${arr(FIRST_NAMES)}, demo_rand(:seed, a.premise_id, 12)),
        (:as_of - (700 + floor(demo_rand(:seed, a.id, 13) * 5000))::int)
      from a cross join lateral (select ${f.accountNumber} as number) num
      returning 1
    )
    select count(*)::int as n from ins`,
        p,
      ),
    )
    .execute(trx);
  const n = created.rows[0]?.n ?? 0;
  if (n === 0) return 0;
  // The number's uniqueness per provider is kept by its own table (migration 0019).
  await run(`insert into account_numbers (number_normalized, provider_id, account_id)
    select number_normalized, provider_id, id from accounts where premise_id >= :lo and premise_id < :hi`);

  // Premises left without any account (the cap was reached mid-batch) are removed again: found first, then deleted
  // by id, since Citus deletes from a reference table only by its own rows (premises are one there), and plans a
  // subquery over the accounts beside it only uncorrelated.
  const { rows: empty } = await sql
    .raw<{ ids: number[] | null }>(
      bind(
        `select array_agg(p.id) as ids from premises p where p.id >= :lo and p.id < :hi
         and p.id not in (select a.premise_id from accounts a where a.premise_id >= :lo and a.premise_id < :hi)`,
        p,
      ),
    )
    .execute(trx);
  const emptyIds = empty[0]?.ids ?? [];
  if (emptyIds.length > 0) await sql`delete from premises where id = any(${emptyIds}::bigint[])`.execute(trx);

  // Six in ten households use the cabinet: one resident each, linked to all the household's accounts.
  await run(`
    insert into users (id, phone, full_name, locale)
    select p.id, '+38050' || lpad(p.id::text, 7, '0'),
      demo_pick(${arr(FIRST_NAMES)}, demo_rand(:seed, p.id, 12)) || ' ' ||
        demo_pick(${arr(SURNAMES)}, demo_rand(:seed, p.id, 11)),
      case when demo_rand(:seed, p.id, 21) < 0.3 then 'ru' else 'uk' end
    from premises p where p.id >= :lo and p.id < :hi and demo_rand(:seed, p.id, 20) < 0.6`);
  await run(`
    insert into user_accounts (account_id, user_id, provider_id)
    select a.id, u.id, a.provider_id from accounts a join users u on u.id = a.premise_id
    where a.premise_id >= :lo and a.premise_id < :hi`);

  // Meters: electricity always (1-3 zones), water 95 %, gas 85 %, hot water 80 %; heating is billed by area.
  // Two in a hundred electricity meters were replaced half a year ago: meter id*2 removed, id*2+1 installed.
  // A provider's metered service is the first of its metered services by code (electricity at the supplier). Written
  // as plain joins and searched CASEs, over dates truncated as timestamps (immutable), so Citus runs it on the shards.
  await run(`
    insert into meters (account_id, id, provider_id, service_code, serial, zones, digits, decimals,
                        verification_due, installed_on, removed_on, replaces_meter_id)
    select a.id, a.id * 2 + v.k, a.provider_id, svc.code,
      upper(substr(md5(:seed || ':' || a.id || ':' || v.k), 1, 10)),
      case when svc.code <> 'electricity' then 1
           when demo_rand(:seed, a.id, 40) < 0.70 then 1
           when demo_rand(:seed, a.id, 40) < 0.95 then 2 else 3 end,
      case when svc.code = 'electricity' and demo_rand(:seed, a.id, 41) < 0.6 then 5
           when svc.code = 'electricity' then 6 else 5 end,
      case when svc.code = 'electricity' then 0 else 3 end,
      case when demo_rand(:seed, a.id, 42) < 0.03 then :as_of - 30
           else :as_of + (200 + floor(demo_rand(:seed, a.id, 43) * 3000))::int end,
      case when v.k = 1 then ${REPLACED_ON}
           else greatest(a.opened_on, (date_trunc('month', :as_of::timestamp) - interval '12 months')::date
                                      - (20 + floor(demo_rand(:seed, a.id, 46) * 1500))::int) end,
      case when v.k = 0 and ${REPLACED} then ${REPLACED_ON} end,
      case when v.k = 1 then a.id * 2 end
    from accounts a
    join (
      select p.id as provider_id,
             case when p.code = 'deu' then 'electricity'
                  when min(ps.service_code) = 'cold_water' then 'cold_water'
                  when min(ps.service_code) = 'gas' then 'gas' else 'hot_water' end as code
      from providers p join provider_services ps on ps.provider_id = p.id
      where ps.service_code in ('electricity', 'cold_water', 'gas', 'hot_water')
      group by p.id, p.code
    ) svc on svc.provider_id = a.provider_id
    join (values (0), (1)) v(k) on v.k = 0 or ${REPLACED}
    where a.premise_id >= :lo and a.premise_id < :hi
      and demo_rand(:seed, a.id, 45) < case when svc.code = 'electricity' then 1 when svc.code = 'cold_water' then 0.95
                                            when svc.code = 'gas' then 0.85 else 0.8 end`);

  return n;
}
