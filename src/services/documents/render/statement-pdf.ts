// The reconciliation statement as a PDF, written while the entries are read: each page of entries from the
// database is drawn, then the writer waits for the reader before fetching the next, so years of entries stream
// through a bounded buffer. The totals (per service and in total) are added up on the way and printed last.
import { formatIban } from "../../../domain/iban.ts";
import { addDays } from "../../../domain/local-date.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Statement, StatementEntry } from "../load-statement.ts";
import { StatementTotals } from "../statement-totals.ts";
import { addressLine, fileNamePart, money, shortDate, shortPeriod } from "./format.ts";
import { type DocumentWords, documentWords } from "./messages.ts";
import { type Cell, CONTENT_WIDTH, drained, PAGE, PdfWriter } from "./pdf-writer.ts";

const L = PAGE.margin;
const R = PAGE.width - PAGE.margin;
// Amount columns are set for amounts up to a few billion hryvnias at full size; a wider one (up to the ledger's
// limit of 90 trillion, migration 0012) is set smaller in its cell rather than cut (PdfWriter.row's `shrink`).
const COL = {
  date: { x: L, width: 54 },
  document: { x: L + 56, width: 210 },
  service: { x: L + 268, width: 80 },
  charged: { x: R - 162, width: 80 },
  paid: { x: R - 80, width: 80 },
} as const;

export function statementFileName(s: Statement, locale: Locale, extension: "pdf" | "csv"): string {
  const word = locale === "en" ? "statement" : locale === "ru" ? "akt-sverki" : "akt-zvirky";
  return `${word}-${fileNamePart(s.account.number)}-${s.from}-${s.to}.${extension}`;
}

/** What an entry's document is, in words: "Нарахування: рахунок за 06.2019", "Оплата: реєстр банку P-17". */
export function documentText(e: StatementEntry, t: DocumentWords): string {
  const source =
    e.source === "billing"
      ? `${t.source({ source: "billing" })} ${t.billFor({ period: shortPeriod(e.period) })}`
      : // The demo's own references are internal ids, nothing a person could look up.
        `${t.source({ source: e.source })}${e.reference && e.source !== "seed" ? ` ${e.reference}` : ""}`;
  return `${t.kind({ kind: e.kind })}: ${source}`;
}

/** A balance line's name: a service, the charges that name none, or the advance. */
export function serviceText(
  s: Statement,
  line: { service: string | null; advance?: boolean },
  t: DocumentWords,
  locale: Locale,
): string {
  if (line.advance) return t.advance();
  return line.service === null
    ? t.wholeAccount()
    : (s.serviceNames.get(line.service)?.[locale] ?? line.service);
}

/** An entry's service column: its service; for one that names none, what it counts on. */
export function entryServiceText(s: Statement, e: StatementEntry, t: DocumentWords, locale: Locale): string {
  if (e.service !== null) return serviceText(s, e, t, locale);
  return e.kind === "payment" ? t.oldestDebts() : t.anyService();
}

/** The statement's PDF; it ends (or fails) by itself once every entry is written. */
export function statementPdf(statement: Statement, locale: Locale): PDFKit.PDFDocument {
  const t = documentWords(locale);
  const w = new PdfWriter(locale, {
    title: t.statementTitle(),
    subject: `${statement.provider.name[locale]} — ${statement.account.number}, ${statement.from}…${statement.to}`,
  });
  write(w, statement, t, locale).then(
    () => w.doc.end(),
    (e: unknown) => w.doc.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return w.doc;
}

async function write(w: PdfWriter, s: Statement, t: DocumentWords, locale: Locale): Promise<void> {
  header(w, s, t, locale);
  const columns = () => {
    const head = (text: string, c: { x: number; width: number }, align: "left" | "right" = "left"): Cell => ({
      text,
      ...c,
      align,
      bold: true,
      size: 7.5,
    });
    w.row(
      [
        head(t.date(), COL.date),
        head(t.document(), COL.document),
        head(t.service(), COL.service),
        head(t.charged(), COL.charged, "right"),
        head(t.paid(), COL.paid, "right"),
      ],
      11,
    );
    w.rule();
  };
  columns();
  const totals = new StatementTotals(s);
  w.row(
    [
      { text: t.openingRow({ date: shortDate(addDays(s.from, -1)) }), x: L, width: 300, bold: true },
      { text: money(s.opening.totalKop, locale), ...COL.paid, align: "right", shrink: true, bold: true },
    ],
    13,
  );
  w.onNewPage = columns;
  for await (const page of s.pages()) {
    if (w.doc.destroyed) return;
    for (const e of page) {
      totals.add(e);
      const payment = e.kind === "payment";
      w.row([
        { text: shortDate(e.date), ...COL.date },
        { text: documentText(e, t), ...COL.document },
        { text: entryServiceText(s, e, t, locale), ...COL.service },
        { text: payment ? "" : money(e.amountKop, locale), ...COL.charged, align: "right", shrink: true },
        {
          text: payment ? money(-e.amountKop as typeof e.amountKop, locale) : "",
          ...COL.paid,
          align: "right",
          shrink: true,
        },
      ]);
    }
    await drained(w.doc);
  }
  w.onNewPage = null;
  const { services, total } = totals.result();
  if (totals.entries === 0) w.row([{ text: t.noEntries(), x: COL.document.x, width: 300 }]);
  w.rule();
  w.row(
    [
      { text: t.total(), x: L, width: 200, bold: true },
      { text: money(total.chargedKop, locale), ...COL.charged, align: "right", shrink: true, bold: true },
      { text: money(total.paidKop, locale), ...COL.paid, align: "right", shrink: true, bold: true },
    ],
    13,
  );
  w.row(
    [
      { text: t.closingRow({ date: shortDate(s.to) }), x: L, width: 300, bold: true },
      { text: money(total.closingKop, locale), ...COL.paid, align: "right", shrink: true, bold: true },
    ],
    13,
  );

  w.gap(10);
  w.ensure(40 + 13 * (services.length + 2));
  w.row([{ text: t.byService(), x: L, width: 300, bold: true, size: 10 }], 15);
  const sumCols = {
    service: { x: L, width: 139 },
    opening: { x: R - 372, width: 90 },
    charged: { x: R - 278, width: 90 },
    paid: { x: R - 184, width: 90 },
    closing: { x: R - 90, width: 90 },
  } as const;
  w.row(
    [
      { text: t.service(), ...sumCols.service, bold: true, size: 7.5 },
      { text: t.openingColumn(), ...sumCols.opening, align: "right", bold: true, size: 7.5 },
      { text: t.charged(), ...sumCols.charged, align: "right", bold: true, size: 7.5 },
      { text: t.paid(), ...sumCols.paid, align: "right", bold: true, size: 7.5 },
      { text: t.closingColumn(), ...sumCols.closing, align: "right", bold: true, size: 7.5 },
    ],
    11,
  );
  for (const line of [...services, total]) {
    const bold = line === total;
    w.row([
      { text: bold ? t.total() : serviceText(s, line, t, locale), ...sumCols.service, shrink: true, bold },
      { text: money(line.openingKop, locale), ...sumCols.opening, align: "right", shrink: true, bold },
      { text: money(line.chargedKop, locale), ...sumCols.charged, align: "right", shrink: true, bold },
      { text: money(line.paidKop, locale), ...sumCols.paid, align: "right", shrink: true, bold },
      { text: money(line.closingKop, locale), ...sumCols.closing, align: "right", shrink: true, bold },
    ]);
  }
  w.gap(6);
  w.paragraph(t.signNote(), { size: 7.5 });
  w.paragraph(t.allocationNote(), { size: 7.5 });
}

function header(w: PdfWriter, s: Statement, t: DocumentWords, locale: Locale): void {
  w.row(
    [
      { text: t.statementTitle(), x: L, width: 340, bold: true, size: 15 },
      {
        text: t.issuedOn({ date: formatDate(s.issuedOn, locale) }),
        x: R - 170,
        width: 170,
        align: "right",
      },
    ],
    20,
  );
  w.row(
    [
      {
        text: t.statementRange({ from: formatDate(s.from, locale), to: formatDate(s.to, locale) }),
        x: L,
        width: CONTENT_WIDTH,
        size: 10,
      },
    ],
    16,
  );
  w.row([{ text: `${t.provider()}: ${s.provider.name[locale]}`, x: L, width: CONTENT_WIDTH, bold: true }]);
  w.row([
    { text: `${t.edrpou()}: ${s.provider.edrpou}`, x: L, width: 150 },
    { text: `${t.iban()}: ${formatIban(s.provider.iban)}`, x: L + 150, width: CONTENT_WIDTH - 150 },
  ]);
  w.row([
    { text: `${t.accountNumber()}: ${s.account.number}`, x: L, width: 250, bold: true },
    { text: `${t.holder()}: ${s.account.holderName}`, x: L + 250, width: CONTENT_WIDTH - 250 },
  ]);
  w.row([
    {
      text: `${t.address()}: ${addressLine(s.account.address, t.apartment(), locale)}`,
      x: L,
      width: CONTENT_WIDTH,
    },
  ]);
  w.gap(6);
}
