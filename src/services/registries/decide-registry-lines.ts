// What becomes of each staged line, decided for the whole file in a few set-based statements (docs/registries.md):
// a reference already posted from this source (in any case) is a duplicate whatever else its line says; of the
// lines whose account is found and whose payment the ledger does not hold yet, the first per reference posts and the
// later ones are duplicates in the file; the rest keep the reason the line alone gave, or have no account.
// Every line goes to registry_lines with its outcome, and the posted ones to the ledger with the rule
// postLedgerEntries applies: one entry per (account, source, source_ref), a repeat skipped.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";

export interface Decision {
  lines: number;
  posted: number;
  postedKop: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
}

/** Writes every staged line to registry_lines with its outcome, reason and facts. */
export async function decideLines(
  trx: Tx,
  registryId: number,
  source: { id: number; name: string },
): Promise<void> {
  // The lookups into registry_lines and the ledger are per line, by their unique indexes: those tables only grow,
  // and a join the planner chose from stale statistics could compare every staged line with all of their rows.
  await sql`
    insert into registry_lines (registry_id, source_id, line_no, raw, outcome, reason, details, reference,
                                provider_id, account_id, amount_kop, paid_on)
    with looked as (
      select s.line_no, s.readable, s.reference_key, a.id as account_id,
             b.registry_id as before_registry, b.line_no as before_line, h.hit is not null as in_ledger
      from registry_import s
      left join accounts a
        on s.readable and s.reason is null and a.provider_id = s.provider_id and a.number_normalized = s.account_key
      left join lateral (
        select r.registry_id, r.line_no from registry_lines r
        where s.readable and r.source_id = ${source.id} and r.outcome = 'posted' and lower(r.reference) = s.reference_key
        order by r.registry_id, r.line_no limit 1
      ) b on true
      left join lateral (
        select 1 as hit from ledger_entries e
        where a.id is not null and e.account_id = a.id and e.source = 'bank_registry'
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
    )
    select ${registryId}::bigint, ${source.id}::integer, s.line_no, s.raw, d.outcome, d.reason,
           d.params || jsonb_strip_nulls(jsonb_build_object(
             'payer', s.payer, 'period', to_char(s.period, 'YYYY-MM'), 'service', s.service_code)),
           s.reference, s.provider_id, k.account_id, s.amount_kop, s.paid_on
    from registry_import s
    join looked k on k.line_no = s.line_no
    left join first_posted f on s.readable and f.reference_key = s.reference_key
    left join providers p on p.id = s.provider_id
    cross join lateral (
      select * from (values
        (not s.readable, 'malformed', s.reason, s.params),
        (k.before_registry is not null, 'duplicate', 'duplicate_posted',
          jsonb_build_object('reference', s.reference, 'registryId', k.before_registry, 'line', k.before_line)),
        (f.line_no < s.line_no, 'duplicate', 'duplicate_in_file',
          jsonb_build_object('reference', s.reference, 'firstLine', f.line_no)),
        (f.line_no = s.line_no, 'posted', null, '{}'::jsonb),
        (s.reason is not null, 'unmatched', s.reason, s.params),
        (k.account_id is null, 'unmatched', 'account_unknown',
          jsonb_build_object('account', s.account, 'provider', p.code)),
        (true, 'duplicate', 'duplicate_in_ledger', jsonb_build_object('reference', s.reference))
      ) v(applies, outcome, reason, params)
      where v.applies
      limit 1
    ) d`.execute(trx);
}

/** Posts the file's posted lines to the ledger; returns how many entries were new. */
export async function postDecidedLines(trx: Tx, registryId: number, source: string): Promise<number> {
  const { rows } = await sql<{ inserted: number }>`
    with inserted as (
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
                                  source, source_ref, details)
      select l.account_id, l.provider_id, s.service_code,
             coalesce(s.period, date_trunc('month', l.paid_on)::date), 'payment', -l.amount_kop, l.paid_on,
             'bank_registry', ${source} || ':' || l.reference,
             jsonb_build_object('registry_id', l.registry_id, 'line', l.line_no)
               || jsonb_strip_nulls(jsonb_build_object('period', to_char(s.period, 'YYYY-MM'),
                                                       'service', s.service_code))
      from registry_lines l join registry_import s on s.line_no = l.line_no
      where l.registry_id = ${registryId} and l.outcome = 'posted'
      order by l.account_id, l.line_no
      on conflict (account_id, source, source_ref) where source_ref is not null do nothing
      returning 1
    )
    select count(*)::int as inserted from inserted`.execute(trx);
  return rows[0]?.inserted ?? 0;
}

/** The registry's counts per outcome, written to its row. */
export async function countLines(trx: Tx, registryId: number): Promise<Decision> {
  const { rows } = await sql<{ outcome: RegistryLineOutcome; n: number; kop: number }>`
    select outcome, count(*)::int as n, coalesce(sum(amount_kop), 0)::int8 as kop
    from registry_lines where registry_id = ${registryId} group by outcome`.execute(trx);
  const of = (o: RegistryLineOutcome) => rows.find((r) => r.outcome === o);
  const d: Decision = {
    lines: rows.reduce((n, r) => n + r.n, 0),
    posted: of("posted")?.n ?? 0,
    postedKop: of("posted")?.kop ?? 0,
    duplicates: of("duplicate")?.n ?? 0,
    unmatched: of("unmatched")?.n ?? 0,
    malformed: of("malformed")?.n ?? 0,
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
