// The reconciliation statement as CSV (RFC 4180, UTF-8, comma-separated, amounts in UAH with a dot): the
// opening balance per service and in total, every entry, the closing balance per service and in total. Rows are
// produced page by page as the entries are read, like the PDF.
import { Readable } from "node:stream";
import { addDays } from "../../../domain/local-date.ts";
import { type Kopiykas, uahString } from "../../../domain/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Statement } from "../load-statement.ts";
import { type StatementLine, StatementTotals } from "../statement-totals.ts";
import { DOCUMENT_MESSAGES } from "./messages.ts";
import { documentText, serviceText } from "./statement-pdf.ts";

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

/** kind is opening_balance / closing_balance per service (service "" = the whole account) and opening_total /
 * closing_total for the account; the entries carry the ledger's kinds. */
export function statementCsv(statement: Statement, locale: Locale): Readable {
  return Readable.from(rows(statement, locale));
}

async function* rows(s: Statement, locale: Locale): AsyncGenerator<string> {
  const t = DOCUMENT_MESSAGES[locale];
  const balanceRows = (date: string, kind: "opening" | "closing", lines: StatementLine[], total: Kopiykas) =>
    lines
      .map((l) =>
        csvRow([
          date,
          "",
          l.service ?? "",
          serviceText(s, l.service, t, locale),
          `${kind}_balance`,
          "",
          "",
          "",
          uahString(kind === "opening" ? l.openingKop : l.closingKop),
        ]),
      )
      .join("") + csvRow([date, "", "", t.total, `${kind}_total`, "", "", "", uahString(total)]);

  yield csvRow([...STATEMENT_CSV_COLUMNS]);
  const totals = new StatementTotals(s.opening);
  const opened = totals.result();
  yield balanceRows(addDays(s.from, -1), "opening", opened.services, opened.total.openingKop);
  for await (const page of s.pages()) {
    let chunk = "";
    for (const e of page) {
      totals.add(e);
      chunk += csvRow([
        e.date,
        e.period,
        e.service ?? "",
        serviceText(s, e.service, t, locale),
        e.kind,
        documentText(e, t),
        e.source,
        e.reference ?? "",
        uahString(e.amountKop),
      ]);
    }
    yield chunk;
  }
  const closed = totals.result();
  yield balanceRows(s.to, "closing", closed.services, closed.total.closingKop);
}
