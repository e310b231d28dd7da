// partnerDayRegistry: the partner's payments of one Kyiv day that stand (not cancelled), as a CSV file in the
// layout of its own registry source — the delimiter, decimal separator, date format, header and columns the
// registry import reads it by. So the file we give is a file the import takes back, and taking it back posts
// nothing: each line's reference is the txn id, and the ledger already holds '<source>:<txn id>' for it.
import type { Db, Tx } from "../../db/database.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { kop, uahString } from "../../domain/money.ts";
import {
  REGISTRY_FIELDS,
  type RegistryField,
  type RegistryFormat,
} from "../../domain/registry/registry-format.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findRegistrySource } from "../registries/find-registry-source.ts";
import { partnerOfActor } from "./load-partner.ts";

/** One payment of the day as the registry writes it. */
export interface DayPayment {
  txnId: string;
  account: string;
  amountKop: number;
  paidOn: string;
  providerEdrpou: string;
  service: string | null;
  /** YYYY-MM */
  period: string;
}

export interface DayRegistry {
  fileName: string;
  day: string;
  lines: number;
  totalKop: number;
  csv: string;
}

/** The partner's payments paid on the day and not cancelled, in txn id order. */
export async function partnerDayPayments(db: Db | Tx, partnerId: number, day: string): Promise<DayPayment[]> {
  const rows = await db
    .selectFrom("partner_payments as pp")
    .innerJoin("providers as p", "p.id", "pp.provider_id")
    .select([
      "pp.txn_id",
      "pp.account_number",
      "p.edrpou",
      "pp.amount_kop",
      "pp.paid_on",
      "pp.service_code",
      "pp.period",
    ])
    .where("pp.partner_id", "=", partnerId)
    .where("pp.paid_on", "=", day)
    .where("pp.cancelled_at", "is", null)
    .orderBy("pp.txn_id")
    .execute();
  return rows.map((r) => ({
    txnId: r.txn_id,
    account: r.account_number,
    amountKop: Number(r.amount_kop),
    paidOn: r.paid_on,
    providerEdrpou: r.edrpou,
    service: r.service_code,
    period: r.period.slice(0, 7),
  }));
}

export async function partnerDayRegistry(
  deps: Deps,
  actor: Extract<Actor, { kind: "partner" }>,
  day: LocalDate,
): Promise<DayRegistry> {
  const { db } = deps.database;
  const partner = await partnerOfActor(db, actor);
  const source = await findRegistrySource(db, partner.sourceName);
  const payments = await partnerDayPayments(db, partner.id, day);
  return {
    fileName: `${partner.sourceName}-${day}.csv`,
    day,
    lines: payments.length,
    totalKop: payments.reduce((sum, p) => sum + p.amountKop, 0),
    csv: registryCsv(source.format, payments),
  };
}

/** The file's text: a header row if the source has one, then a line a payment, each field where the mapping says. */
export function registryCsv(format: RegistryFormat, payments: readonly DayPayment[]): string {
  const columns = layout(format);
  const field = (value: string) => csvField(value, format.delimiter);
  const line = (cells: string[]) => `${cells.map(field).join(format.delimiter)}\r\n`;
  let text = "";
  if (format.header) text += line(columns.map((c) => c.name));
  for (const p of payments) {
    const values: Record<RegistryField, string> = {
      reference: p.txnId,
      account: p.account,
      amount: amountText(p.amountKop, format),
      paid_on: dateText(p.paidOn, format),
      payer: "",
      provider_edrpou: p.providerEdrpou,
      provider_iban: "",
      period: p.period,
      service: p.service ?? "",
    };
    text += line(columns.map((c) => (c.field ? values[c.field] : "")));
  }
  return text;
}

/** The file's columns in order: a field at its position when the mapping gives one, named ones in the gaps and after. */
function layout(format: RegistryFormat): { field: RegistryField | null; name: string }[] {
  // In our fields' order: a source's mapping is stored as jsonb, which keeps no order of its own.
  const entries = REGISTRY_FIELDS.map((f) => [f, format.columns[f]] as const);
  const columns: { field: RegistryField | null; name: string }[] = [];
  for (const [field, ref] of entries)
    if (typeof ref === "number") {
      while (columns.length < ref) columns.push({ field: null, name: "" });
      columns[ref - 1] = { field, name: field };
    }
  for (const [field, ref] of entries)
    if (typeof ref === "string") {
      const free = columns.findIndex((c) => c.field === null);
      if (free >= 0) columns[free] = { field, name: ref };
      else columns.push({ field, name: ref });
    }
  return columns;
}

function amountText(amountKop: number, format: RegistryFormat): string {
  const text = uahString(kop(amountKop));
  return format.decimalSeparator === "," ? text.replace(".", ",") : text;
}

function dateText(day: string, format: RegistryFormat): string {
  const [y, m, d] = day.split("-");
  switch (format.dateFormat) {
    case "YYYY-MM-DD":
      return day;
    case "DD.MM.YYYY":
      return `${d}.${m}.${y}`;
    case "DD/MM/YYYY":
      return `${d}/${m}/${y}`;
    case "DD-MM-YYYY":
      return `${d}-${m}-${y}`;
  }
}

/** Quoted when it holds the delimiter, a quote or a line break (RFC 4180), its quotes doubled. */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
