// The reconciliation statement as CSV (RFC 4180, UTF-8, comma-separated, amounts in UAH with a dot): the
// opening balance per service and in total, every entry, the closing balance per service and in total. Rows are
// produced page by page as the entries are read, like the PDF.
import { Readable } from "node:stream";
import { addDays } from "../../../domain/local-date.ts";
import { type Kopiykas, negKop, uahString } from "../../../domain/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Statement } from "../load-statement.ts";
import { StatementTotals } from "../statement-totals.ts";
import { documentWords } from "./messages.ts";
import { documentText, entryServiceText, serviceText } from "./statement-pdf.ts";

export const STATEMENT_CSV_COLUMNS = [
  "date",
  "period",
  "service",
  "service_name",
  "kind",
  "document",
  "source",
  "reference",
  "amount_uah",
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvRow(values: string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * kind is opening_balance / closing_balance per service (service "": charges that name no service),
 * opening_advance / closing_advance for the advance (zero or negative; left out while it is zero) and
 * opening_total / closing_total for the account; the entries carry the ledger's kinds.
 */
export function statementCsv(statement: Statement, locale: Locale): Readable {
  return Readable.from(rows(statement, locale));
}

async function* rows(s: Statement, locale: Locale): AsyncGenerator<string> {
  const t = documentWords(locale);
  type Line = { service: string | null; advance: boolean; amountKop: Kopiykas };
  const balanceRows = (date: string, kind: "opening" | "closing", lines: Line[], total: Kopiykas) =>
    lines
      .map((l) =>
        csvRow([
          date,
          "",
          l.service ?? "",
          serviceText(s, l, t, locale),
          `${kind}_${l.advance ? "advance" : "balance"}`,
          "",
          "",
          "",
          uahString(l.amountKop),
        ]),
      )
      .join("") + csvRow([date, "", "", t.total(), `${kind}_total`, "", "", "", uahString(total)]);
  const withAdvance = (lines: Line[], advanceKop: Kopiykas): Line[] =>
    advanceKop === 0 ? lines : [...lines, { service: null, advance: true, amountKop: negKop(advanceKop) }];

  yield csvRow([...STATEMENT_CSV_COLUMNS]);
  const totals = new StatementTotals(s);
  const opening = s.opening.services.map((l) => ({
    service: l.service,
    advance: false,
    amountKop: l.balanceKop,
  }));
  yield balanceRows(
    addDays(s.from, -1),
    "opening",
    withAdvance(opening, s.opening.advanceKop),
    s.opening.totalKop,
  );
  for await (const page of s.pages()) {
    let chunk = "";
    for (const e of page) {
      totals.add(e);
      chunk += csvRow([
        e.date,
        e.period,
        e.service ?? "",
        entryServiceText(s, e, t, locale),
        e.kind,
        documentText(e, t),
        e.source,
        e.reference ?? "",
        uahString(e.amountKop),
      ]);
    }
    yield chunk;
  }
  const { closing } = totals.result();
  const lines = closing.services.map((l) => ({
    service: l.service,
    advance: false,
    amountKop: l.balanceKop,
  }));
  yield balanceRows(s.to, "closing", withAdvance(lines, closing.advanceKop), closing.totalKop);
}
