// What becomes of each staged line, decided for the whole file in one set-based statement (docs/registries.md):
// a reference already posted from this source (in any case) is a duplicate whatever else its line says; of the
// lines whose account is found and whose payment the ledger does not hold yet, the first per reference posts and the
// later ones are duplicates in the file; the rest keep the reason the line alone gave, or have no account.
// Every line goes to registry_lines with its outcome, and the posted ones to the ledger by the rule
// postLedgerEntries applies: one entry per (account, source, source_ref, period), a repeat skipped. The reference
// alone decides a duplicate (registry_lines and the ledger are looked up by it, whatever the period), so the
// period in the ledger's key never lets one reference post twice.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { ensurePeriodPartitions } from "../../db/period-partitions.ts";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";

export interface Decision {
  lines: number;
  posted: number;
  postedKop: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
  /** Ledger entries made: `posted` unless another writer posted one of them meanwhile. */
  entries: number;
}

/** Decides every staged line, records it in registry_lines, posts the posted ones, and counts the outcomes. */
export async function decideAndPost(
  trx: Tx,
  registryId: number,
  source: { id: number; name: string },
  /** On Citus: the numbers and ledger rows the file names are copied out of their shards first (below). */
  citus = false,
): Promise<Decision> {
  // The months the posted lines may go to, as the ledger insert below computes them: a line posts only if it reads
  // as a payment with no reason of its own. Their partitions exist before the statement that inserts into them.
  const { rows: months } = await sql<{ period: string }>`
    select distinct coalesce(period, date_trunc('month', paid_on)::date)::text as period
    from registry_import
    where readable and reason is null and coalesce(period, paid_on) is not null`.execute(trx);
  await ensurePeriodPartitions(
    trx,
    "ledger_entries",
    months.map((m) => m.period),
  );
  const { numbers, ledger } = citus
    ? await sliceForFile(trx, source.name)
    : { numbers: sql.table("account_numbers"), ledger: sql.table("ledger_entries") };
  // The lookups into registry_lines and the ledger are per line, by their unique indexes: those tables only grow,
  // and a join the planner chose from stale statistics could compare every staged line with all of their rows.
  const { rows } = await sql<{ outcome: RegistryLineOutcome; n: number; kop: number; entries: number }>`
    with looked as (
      select s.line_no, s.readable, s.reference_key, a.account_id,
             b.registry_id as before_registry, b.line_no as before_line, h.hit is not null as in_ledger
      from registry_import s
      left join ${numbers} a
        on s.readable and s.reason is null and a.provider_id = s.provider_id and a.number_normalized = s.account_key
      left join lateral (
        select r.registry_id, r.line_no from registry_lines r
        where s.readable and r.source_id = ${source.id} and r.outcome = 'posted' and lower(r.reference) = s.reference_key
        order by r.registry_id, r.line_no limit 1
      ) b on true
      left join lateral (
        select 1 as hit from ${ledger} e
        where a.account_id is not null and e.account_id = a.account_id and e.source = 'bank_registry'
          and e.source_ref = ${source.name} || ':' || s.reference
        limit 1
      ) h on true
    ),
    -- per reference, the first line that can post: its account found, nothing of it posted before
    first_posted as (
      select reference_key, min(line_no) as line_no
      from looked
      where account_id is not null and before_registry is null and not in_ledger
      group by reference_key
    ),
    -- which rule decides each line, in the order they apply
    decided as (
      select s.line_no, s.raw, s.reason, s.params, s.reference, s.account, s.payer, s.period, s.service_code,
             s.provider_id, s.amount_kop, s.paid_on, k.account_id, k.before_registry, k.before_line,
             f.line_no as first_line, p.code as provider_code,
             case when not s.readable then 1
                  when k.before_registry is not null then 2
                  when f.line_no < s.line_no then 3
                  when f.line_no = s.line_no then 4
                  when s.reason is not null then 5
                  when k.account_id is null then 6
                  else 7 end as rule
      from registry_import s
      join looked k on k.line_no = s.line_no
      left join first_posted f on s.readable and f.reference_key = s.reference_key
      left join providers p on p.id = s.provider_id
    ),
    outcomes as (
      select d.*,
             (array['malformed', 'duplicate', 'duplicate', 'posted', 'unmatched', 'unmatched', 'duplicate'])[d.rule]
               as outcome
      from decided d
    ),
    recorded as (
      insert into registry_lines (registry_id, source_id, line_no, raw, outcome, reason, details, reference,
                                  provider_id, account_id, amount_kop, paid_on)
      select ${registryId}::bigint, ${source.id}::integer, o.line_no, o.raw, o.outcome,
             (array[o.reason, 'duplicate_posted', 'duplicate_in_file', null, o.reason, 'account_unknown',
                    'duplicate_in_ledger'])[o.rule],
             case
               when o.rule = 2 then jsonb_build_object('reference', o.reference, 'registryId', o.before_registry,
                                              'line', o.before_line)
               when o.rule = 3 then jsonb_build_object('reference', o.reference, 'firstLine', o.first_line)
               when o.rule = 4 then '{}'::jsonb
               when o.rule = 6 then jsonb_build_object('account', o.account, 'provider', o.provider_code)
               when o.rule = 7 then jsonb_build_object('reference', o.reference)
               else o.params
             end || jsonb_strip_nulls(jsonb_build_object(
               'payer', o.payer, 'period', to_char(o.period, 'YYYY-MM'), 'service', o.service_code,
               -- the account as the line wrote it, for the operator who settles a line not posted (the console)
               'account', case when o.rule = 4 then null else o.account end)),
             o.reference, o.provider_id, o.account_id, o.amount_kop, o.paid_on
      from outcomes o
    ),
    -- the posted lines' payments: negative, dated the day paid, in the month named or else the month paid
    entries as (
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
                                  source, source_ref, details)
      select o.account_id, o.provider_id, o.service_code, coalesce(o.period, date_trunc('month', o.paid_on)::date),
             'payment', -o.amount_kop, o.paid_on, 'bank_registry', ${source.name} || ':' || o.reference,
             jsonb_build_object('registry_id', ${registryId}::bigint, 'line', o.line_no)
               || jsonb_strip_nulls(jsonb_build_object('period', to_char(o.period, 'YYYY-MM'),
                                                       'service', o.service_code))
      from outcomes o
      where o.rule = 4
      order by o.account_id, o.line_no
      on conflict (account_id, source, source_ref, period) where source_ref is not null do nothing
      returning 1
    )
    select outcome, count(*)::int as n, coalesce(sum(amount_kop), 0)::int8 as kop,
           (select count(*)::int from entries) as entries
    from outcomes group by outcome`.execute(trx);
  const of = (o: RegistryLineOutcome) => rows.find((r) => r.outcome === o);
  const d: Decision = {
    lines: rows.reduce((n, r) => n + r.n, 0),
    posted: of("posted")?.n ?? 0,
    postedKop: of("posted")?.kop ?? 0,
    duplicates: of("duplicate")?.n ?? 0,
    unmatched: of("unmatched")?.n ?? 0,
    malformed: of("malformed")?.n ?? 0,
    entries: rows[0]?.entries ?? 0,
  };
  await trx
    .updateTable("payment_registries")
    .set({
      lines: d.lines,
      posted: d.posted,
      posted_kop: d.postedKop,
      duplicates: d.duplicates,
      unmatched: d.unmatched,
      malformed: d.malformed,
    })
    .where("id", "=", registryId)
    .execute();
  return d;
}

export interface DecidedProblem {
  line_no: number;
  outcome: Exclude<RegistryLineOutcome, "posted">;
  reason: string;
  details: Record<string, unknown>;
  reference: string | null;
  account: string | null;
  amount_kop: number | null;
  raw: string;
}

/** The first `limit` lines not posted, in file order. */
export async function firstProblems(trx: Tx, registryId: number, limit: number): Promise<DecidedProblem[]> {
  const { rows } = await sql<DecidedProblem>`
    select l.line_no, l.outcome, l.reason, l.details, l.reference, s.account, l.amount_kop, l.raw
    from registry_lines l join registry_import s on s.line_no = l.line_no
    where l.registry_id = ${registryId} and l.outcome <> 'posted'
    order by l.line_no limit ${limit}`.execute(trx);
  return rows;
}

/**
 * On Citus the staged lines sit on the coordinator and a lateral lookup from them into a distributed table cannot
 * go to the shards. The numbers the file names and the bank payments of those accounts under the file's
 * references are read out of the shards first (each shard once, the staged keys sent along), into temporary tables
 * indexed as the lookups need; the decision then runs on the coordinator as it does on one server.
 */
async function sliceForFile(trx: Tx, sourceName: string) {
  await sql`
    create temp table registry_numbers on commit drop as
    select n.number_normalized, n.provider_id, n.account_id from account_numbers n
    where n.number_normalized in (select account_key from registry_import where readable and reason is null)`.execute(
    trx,
  );
  await sql`create index on registry_numbers (number_normalized, provider_id)`.execute(trx);
  await sql`
    create temp table registry_ledger on commit drop as
    select e.account_id, e.source, e.source_ref from ledger_entries e
    where e.source = 'bank_registry' and e.account_id in (select account_id from registry_numbers)
      and e.source_ref in (select ${sourceName} || ':' || reference from registry_import where readable)`.execute(
    trx,
  );
  await sql`create index on registry_ledger (account_id, source, source_ref)`.execute(trx);
  return { numbers: sql.table("registry_numbers"), ledger: sql.table("registry_ledger") };
}
