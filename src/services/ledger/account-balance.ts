// An account's balance on a day: what the ledger says is owed (positive) or paid ahead (negative), in total and
// per service, counting every entry dated up to that day. Summed by the database, one row per service.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import { type LocalDate, parseLocalDate } from "../../domain/local-date.ts";
import { type Kopiykas, kop, sumKop } from "../../domain/money.ts";
import { AppError } from "../errors.ts";

export interface ServiceBalance {
  /** null: entries for the whole account, e.g. a payment that named no service. */
  service: string | null;
  balanceKop: Kopiykas;
}

export interface AccountBalance {
  totalKop: Kopiykas;
  /** Every service with an entry up to the day, zero balances included, by service code (null last). */
  services: ServiceBalance[];
}

/** `asOf`: a Kyiv calendar date, YYYY-MM-DD, included. */
export async function accountBalance(db: Db | Tx, accountId: number, asOf: string): Promise<AccountBalance> {
  const day = parseAsOf(asOf);
  // sum(bigint) is numeric: cast back to int8, which our engines return as a (guarded) number.
  const { rows } = await sql<{ service: string | null; balance_kop: number }>`
    select service_code as service, sum(amount_kop)::int8 as balance_kop
    from ledger_entries
    where account_id = ${accountId} and entry_date <= ${day}::date
    group by service_code
    order by service_code nulls last`.execute(db);
  const services = rows.map((r) => ({ service: r.service, balanceKop: kop(r.balance_kop) }));
  return { totalKop: sumKop(services.map((s) => s.balanceKop)), services };
}

/** The day a ledger view stands at, or a validation error naming the field. */
export function parseAsOf(asOf: string): LocalDate {
  try {
    return parseLocalDate(asOf);
  } catch {
    throw new AppError("validation_failed", { details: "asOf: YYYY-MM-DD" }, { field: "asOf" });
  }
}
