// Generates one batch of premises with their accounts, residents, meters and 12 months of readings (payments follow
// the bills: history-payments.ts), entirely inside the database (INSERT … SELECT over generate_series), so a
// million accounts take minutes.
// Every random choice is demo_rand(seed, key, salt): a hash, so the same seed gives the same region.
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
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
  const windows = PROVIDERS.flatMap((p) =>
    p.windows.map((w) => {
      const next = w.deemedDateRule === "first_of_month";
      const lo = w.opensDay < 0 ? w.opensDay : w.opensDay - 1;
      const hi = w.closesDay < 0 ? 28 + w.closesDay : w.closesDay - 1;
      return `(${pid(p.code)}, ${lit(w.service)}, ${next}, ${lo}, ${hi})`;
    }),
  ).join(",\n");

  // The channel of a reading from one draw (rc.r, demo_rand(:seed, meter * 16 + month, 31)).
  const channelCase = `case c.provider_id ${PROVIDERS.map((p) => {
    let edge = 0.7;
    const arms = p.readingChannels.map(([ch, share]) => {
      edge += share;
      return `when rc.r < ${edge.toFixed(4)} then ${lit(ch)}`;
    });
    return `when ${pid(p.code)} then case when rc.r < 0.7 then 'web' ${arms.join(" ")} else 'web' end`;
  }).join(" ")} end`;

  return { towns, slots, accountNumber, windows, channelCase };
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

  // Premises left without any account (the cap was reached mid-batch) are removed again.
  await run(`delete from premises p where p.id >= :lo and p.id < :hi
    and not exists (select 1 from accounts a where a.premise_id = p.id)`);

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
      case when v.k = 1 then r.replaced_on
           else greatest(a.opened_on, (date_trunc('month', :as_of) - interval '12 months')::date
                                      - (20 + floor(demo_rand(:seed, a.id, 46) * 1500))::int) end,
      case when v.k = 0 and r.replaced then r.replaced_on end,
      case when v.k = 1 then a.id * 2 end
    from accounts a
    join lateral (
      select case when p.code = 'deu' then 'electricity'
                  when ps.service_code = 'cold_water' then 'cold_water'
                  when ps.service_code = 'gas' then 'gas' else 'hot_water' end as code
      from providers p join provider_services ps on ps.provider_id = p.id
      where p.id = a.provider_id and ps.service_code in ('electricity', 'cold_water', 'gas', 'hot_water')
      limit 1
    ) svc on true
    cross join lateral (
      select svc.code = 'electricity' and demo_rand(:seed, a.id, 44) < 0.02 as replaced,
        (date_trunc('month', :as_of) - interval '6 months')::date + 5 as replaced_on
    ) r
    join (values (0), (1)) v(k) on v.k = 0 or r.replaced
    where a.premise_id >= :lo and a.premise_id < :hi
      and demo_rand(:seed, a.id, 45) < case svc.code when 'electricity' then 1 when 'cold_water' then 0.95
                                                      when 'gas' then 0.85 else 0.8 end`);

  return n;
}

/**
 * The readings of the meters of one batch's premises (generateBatch's firstPremise and lastPremise): independent
 * of every other batch, so batches may be loaded at once on several connections. Ids are explicit — the meter's id,
 * zone and month — so the region is the same whatever order the batches land in.
 */
export async function generateReadings(trx: Tx, f: Fragments, p: BatchParams): Promise<void> {
  const run = (text: string) => sql.raw(bind(text, p)).execute(trx);
  // Readings for the last 12 periods (j = 1 oldest … 12 newest); 8 % of months have none (billed by average).
  // Each meter also gets its initial reading at installation and, when replaced, its final one.
  await run(`
    with k as (select j, (date_trunc('month', :as_of) - (13 - j) * interval '1 month')::date as period
               from generate_series(1, 12) j),
    z as (select zones, zone, share from (values (1, 1, 1.0), (2, 1, 0.65), (2, 2, 0.35),
                 (3, 1, 0.25), (3, 2, 0.45), (3, 3, 0.30)) t(zones, zone, share)),
    mz0 as (
      select m.*, z.zone, z.share::float8 as share, (10::float8 ^ m.digits) as capacity,
        case m.service_code when 'electricity' then 90 + demo_rand(:seed, m.id, 50) * 260
                            when 'cold_water' then 2.5 + demo_rand(:seed, m.id, 50) * 6
                            when 'gas' then 40 + demo_rand(:seed, m.id, 50) * 70
                            else 1 + demo_rand(:seed, m.id, 50) * 3 end as base
      from meters m join z on z.zones = m.zones
      where m.account_id >= :lo * 4 and m.account_id < :hi * 4
    ),
    mz as (
      -- Three meters in a hundred start just below their capacity, so they roll over to zero in the year.
      select mz0.*, case when mz0.replaces_meter_id is not null then 0
                         when demo_rand(:seed, mz0.id, 51) < 0.03 then mz0.capacity - mz0.base * mz0.share * 2
                         else demo_rand(:seed, mz0.id * 4 + mz0.zone, 52) * 0.5 * mz0.capacity end as start_value
      from mz0
    ),
    usage as (
      select mz.*, k.j, k.period,
        mz.base * mz.share * (0.8 + 0.4 * demo_rand(:seed, mz.id * 16 + k.j, 53)) *
          case mz.service_code
            when 'electricity' then 1 + 0.25 * cos(2 * pi() * (extract(month from k.period) - 1) / 12)
            when 'gas' then 0.35 + 1.3 * greatest(0, cos(2 * pi() * (extract(month from k.period) - 1) / 12))
            else 1 end as used
      from mz join k on k.period >= date_trunc('month', mz.installed_on)
        and (mz.removed_on is null or k.period < date_trunc('month', mz.removed_on))
    ),
    cum as (
      select usage.*, sum(used) over (partition by id, zone order by j) as total_used,
        max(j) over (partition by id, zone) as last_j
      from usage
    ),
    regular as (
      select c.id * 64 + (c.zone - 1) * 16 + c.j as id, c.account_id, c.provider_id, c.id as meter_id, c.zone,
        v.value, 'regular' as kind,
        t.at - interval '3 hours' as taken_at, t.at as submitted_at, d.deemed_on, c.period, ch.channel,
        -- The household's resident (users.id is the premise's, account ids are premise * 4 + slot) when it has one.
        case when ch.channel = 'web' and demo_rand(:seed, c.account_id / 4, 20) < 0.6 then c.account_id / 4 end
          as actor_user_id,
        md5(:seed || ':r:' || c.id || ':' || c.j) as h
      from cum c
      join (values ${f.windows}) w(provider_id, service_code, anchor_next, lo, hi)
        on w.provider_id = c.provider_id and w.service_code = c.service_code
      cross join lateral (select trunc(mod((c.start_value + c.total_used)::numeric, c.capacity::numeric), c.decimals)
                            as value) v
      cross join lateral (select (case when w.anchor_next then c.period + interval '1 month' else c.period end)::date
                            + (w.lo + floor(demo_rand(:seed, c.id * 16 + c.j, 54) * (w.hi - w.lo + 1)))::int as day) s
      cross join lateral (select (s.day + interval '8 hours'
                            + floor(demo_rand(:seed, c.id * 16 + c.j, 55) * 13) * interval '1 hour')
                            at time zone 'Europe/Kyiv' as at) t
      cross join lateral (select case when w.anchor_next then (c.period + interval '1 month')::date else s.day end
                            as deemed_on) d
      cross join lateral (select demo_rand(:seed, c.id * 16 + c.j, 31) as r) rc
      cross join lateral (select ${f.channelCase} as channel) ch
      -- The oldest month always has its reading: it is the opening basis billing starts from (opening-position.ts).
      where demo_rand(:seed, c.id * 16 + c.j, 56) >= 0.08 or c.j = 1
    ),
    installed as (
      select mz.id * 64 + (mz.zone - 1) * 16 as id, mz.account_id, mz.provider_id, mz.id as meter_id, mz.zone,
        -- Worn down by the months between installation and the start of the history.
        trunc(greatest(0, mz.start_value - mz.base * mz.share *
          greatest(0, (date_trunc('month', :as_of) - interval '12 months')::date - mz.installed_on) / 30.4)::numeric,
          mz.decimals) as value, 'initial' as kind,
        (mz.installed_on + interval '10 hours') at time zone 'Europe/Kyiv' as taken_at,
        (mz.installed_on + interval '12 hours') at time zone 'Europe/Kyiv' as submitted_at,
        mz.installed_on as deemed_on, date_trunc('month', mz.installed_on)::date as period, 'import' as channel,
        null::bigint as actor_user_id, md5(:seed || ':i:' || mz.id) as h
      from mz
    ),
    removed as (
      select c.id * 64 + (c.zone - 1) * 16 + 13, c.account_id, c.provider_id, c.id as meter_id, c.zone,
        trunc(mod((c.start_value + c.total_used + c.base * c.share * 0.1)::numeric, c.capacity::numeric), c.decimals),
        'final', (c.removed_on + interval '10 hours') at time zone 'Europe/Kyiv',
        (c.removed_on + interval '12 hours') at time zone 'Europe/Kyiv', c.removed_on,
        date_trunc('month', c.removed_on)::date, 'contact_centre', null::bigint, md5(:seed || ':f:' || c.id)
      from cum c
      where c.removed_on is not null
        and c.j = c.last_j
    )
    insert into readings (id, account_id, provider_id, meter_id, zone, value, kind, taken_at, submitted_at, deemed_on,
                          period, channel, actor_user_id, submission_id, receipt, raw_input, status)
    select x.id, x.account_id, x.provider_id, x.meter_id, x.zone, x.value, x.kind, x.taken_at, x.submitted_at,
      x.deemed_on, x.period, x.channel, x.actor_user_id, x.h::uuid,
      upper(substr(x.h, 1, 4) || '-' || substr(x.h, 5, 4)), replace(x.value::text, '.', ','), 'accepted'
    from (select * from regular union all select * from installed union all select * from removed) x`);
}
