// The reconciliation statement (акт звірки) of an account for any date range: the opening balance on the day
// before `from`, every ledger entry dated from `from` to `to` with its document, and (added up by
// StatementTotals as the entries go by) the closing balance, per service and in total.
//
// The entries are read in pages by keyset (entry_date, id) through the ledger's (account_id, entry_date)
// index, so a statement over years streams with one page in memory; a renderer writes each page before the
// next is read. The balances per service are the settlement's (ledger/account-ledger.ts): the opening one is
// accountBalance on the day before `from`, and the closing one settles those same entries and every entry
// streamed — so it is accountBalance on `to`, and opening + the entries = closing in total, whatever is posted
// meanwhile (test/documents/statement.test.ts checks both, to the kopiyka).
import { sql } from "kysely";
import type { LedgerKind, LedgerSource } from "../../db/tables/money.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { addDays, compareLocalDates, type LocalDate, parseLocalDate } from "../../domain/local-date.ts";
import { type Kopiykas, kop } from "../../domain/money.ts";
import type { Period } from "../../domain/period.ts";
import type { Translated } from "../../i18n/locale.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type AccountBalance, type AccountLedger, loadAccountLedger } from "../ledger/account-ledger.ts";
import { type DocumentParties, loadDocumentParties } from "./document-parties.ts";

export interface StatementEntry {
  id: number;
  date: LocalDate;
  period: Period;
  service: ServiceCode | null;
  kind: LedgerKind;
  /** Positive: debt (a charge); negative: paid off (a payment, or a correction downwards). */
  amountKop: Kopiykas;
  /** The document behind the entry: where it came from and that source's own reference. */
  source: LedgerSource;
  reference: string | null;
  /** What a payment's details name it for (a period, a service), if anything. */
  namedPeriod: string | null;
  namedService: string | null;
}

export interface Statement extends DocumentParties {
  from: LocalDate;
  to: LocalDate;
  issuedOn: LocalDate;
  /** The balance on the day before `from`, per service and in total. */
  opening: AccountBalance;
  /** The ledger settled up to the day before `from`: StatementTotals adds each entry to a copy of it. */
  openingLedger: AccountLedger;
  /** Names of every service, for headings. */
  serviceNames: Map<string, Translated>;
  /** The entries, oldest first, a page at a time. */
  pages(): AsyncGenerator<StatementEntry[]>;
}

export const STATEMENT_PAGE_SIZE = 500;

export async function loadStatement(
  deps: Deps,
  options: { actor: Actor; accountId: number; from: string; to: string; pageSize?: number },
): Promise<Statement> {
  const { db } = deps.database;
  const from = dateOption("from", options.from);
  const to = dateOption("to", options.to);
  if (compareLocalDates(from, to) > 0) {
    throw new AppError("validation_failed", { details: "from must not be after to" }, { field: "from" });
  }
  const found = await findAccountForActor(db, options.actor, options.accountId);
  const accountId = found.id;
  const parties = await loadDocumentParties(db, accountId);
  const openingLedger = await loadAccountLedger(db, accountId, addDays(from, -1));
  const serviceNames = new Map(
    (await db.selectFrom("services").select(["code", "name_uk", "name_ru", "name_en"]).execute()).map((s) => [
      s.code as string,
      { uk: s.name_uk, ru: s.name_ru, en: s.name_en },
    ]),
  );
  const pageSize = options.pageSize ?? STATEMENT_PAGE_SIZE;

  async function* pages(): AsyncGenerator<StatementEntry[]> {
    let after: { date: string; id: number } | null = null;
    for (;;) {
      let q = db
        .selectFrom("ledger_entries")
        .select(["id", "entry_date", "period", "service_code", "kind", "amount_kop", "source", "source_ref"])
        .select([
          sql<string | null>`details ->> 'period'`.as("named_period"),
          sql<string | null>`details ->> 'service'`.as("named_service"),
        ])
        .where("account_id", "=", accountId)
        .where("entry_date", ">=", from)
        .where("entry_date", "<=", to);
      if (after) {
        const { date, id } = after;
        q = q.where((eb) =>
          eb.or([eb("entry_date", ">", date), eb.and([eb("entry_date", "=", date), eb("id", ">", id)])]),
        );
      }
      const rows = await q.orderBy("entry_date").orderBy("id").limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        id: r.id,
        date: r.entry_date as LocalDate,
        period: r.period.slice(0, 7) as Period,
        service: r.service_code,
        kind: r.kind,
        amountKop: kop(r.amount_kop),
        source: r.source,
        reference: r.source_ref,
        namedPeriod: r.named_period,
        namedService: r.named_service,
      }));
      const last = rows[rows.length - 1]!;
      if (rows.length < pageSize) return;
      after = { date: last.entry_date, id: last.id };
    }
  }

  return {
    ...parties,
    from,
    to,
    issuedOn: kyivDateOf(deps.now()),
    opening: openingLedger.balance(),
    openingLedger,
    serviceNames,
    pages,
  };
}

function dateOption(field: string, text: string): LocalDate {
  try {
    return parseLocalDate(text);
  } catch {
    throw new AppError("validation_failed", { details: `${field}: YYYY-MM-DD` }, { field });
  }
}
