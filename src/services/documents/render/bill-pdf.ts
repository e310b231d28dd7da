// The bill as a PDF: the parties, a section per service (readings, tariff lines, fee, recalculations, total),
// the period's money (opening balance, charges, payments, amount due, planned payment) and the NBU payment QR
// code beside it. A bill is one or two pages, laid out from a loaded Bill; the document streams as it is drawn.
import { formatIban } from "../../../domain/iban.ts";
import { addDays } from "../../../domain/local-date.ts";
import { firstDay } from "../../../domain/period.ts";
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Bill, BillLine, BillService } from "../load-bill.ts";
import {
  addressLine,
  decimalText,
  dial,
  fileNamePart,
  money,
  monthName,
  quantity,
  shortDate,
  shortPeriod,
  signedMoney,
} from "./format.ts";
import { type DocumentWords, documentWords } from "./messages.ts";
import { drawNbuQr } from "./nbu-qr-image.ts";
import { CONTENT_WIDTH, PAGE, PdfWriter } from "./pdf-writer.ts";

const L = PAGE.margin;
const R = PAGE.width - PAGE.margin;
// Columns of a service's readings.
const COL = {
  meter: { x: L, width: 78 },
  zone: { x: L + 80, width: 52 },
  previous: { x: L + 134, width: 66 },
  current: { x: L + 202, width: 66 },
  quantity: { x: L + 270, width: 62 },
  method: { x: L + 340, width: 110 },
  amount: { x: R - 64, width: 64 },
} as const;
const QR_SIDE = 170;

export function billFileName(bill: Bill, locale: Locale): string {
  const word = locale === "en" ? "bill" : locale === "ru" ? "schet" : "rakhunok";
  return `${word}-${fileNamePart(bill.account.number)}-${bill.period}.pdf`;
}

/** The bill's PDF, ended: pipe it to a reply or a file. */
export function billPdf(bill: Bill, locale: Locale): PDFKit.PDFDocument {
  const t = documentWords(locale);
  const title = t.billTitle({ month: monthName(bill.period, locale) });
  const w = new PdfWriter(locale, {
    title,
    subject: `${bill.provider.name[locale]} — ${bill.account.number}`,
  });

  w.row(
    [
      { text: title, x: L, width: 340, bold: true, size: 15 },
      {
        text: t.issuedOn({ date: formatDate(bill.issuedOn, locale) }),
        x: R - 170,
        width: 170,
        align: "right",
      },
    ],
    22,
  );
  parties(w, bill, t, locale);
  for (const service of bill.services) serviceSection(w, service, t, locale);
  if (bill.services.some((s) => s.estimated)) {
    w.gap(2);
    w.paragraph(t.estimatedNote(), { size: 7.5 });
  }
  summary(w, bill, t, locale);
  w.doc.end();
  return w.doc;
}

function parties(w: PdfWriter, bill: Bill, t: DocumentWords, locale: Locale): void {
  const { provider, account } = bill;
  w.row(
    [{ text: `${t.provider()}: ${provider.name[locale]}`, x: L, width: CONTENT_WIDTH, bold: true, size: 10 }],
    14,
  );
  w.row([
    { text: `${t.edrpou()}: ${provider.edrpou}`, x: L, width: 150 },
    { text: `${t.iban()}: ${formatIban(provider.iban)}`, x: L + 150, width: CONTENT_WIDTH - 150 },
  ]);
  w.gap(4);
  w.row(
    [
      { text: `${t.accountNumber()}: ${account.number}`, x: L, width: 250, bold: true, size: 10 },
      { text: `${t.holder()}: ${account.holderName}`, x: L + 250, width: CONTENT_WIDTH - 250, size: 10 },
    ],
    14,
  );
  w.row([
    {
      text: `${t.address()}: ${addressLine(account.address, t.apartment(), locale)}`,
      x: L,
      width: CONTENT_WIDTH,
    },
  ]);
  w.gap(4);
  w.rule(1);
}

function serviceSection(w: PdfWriter, s: BillService, t: DocumentWords, locale: Locale): void {
  const unit = t.unit({ unit: s.unit });
  w.ensure(60);
  w.gap(4);
  w.row([{ text: `${s.name[locale]}, ${unit}`, x: L, width: CONTENT_WIDTH, bold: true, size: 10 }], 15);
  if (s.readings.length > 0) {
    const head = (text: string, c: { x: number; width: number }, align: "left" | "right" = "left") => ({
      text,
      ...c,
      align,
      bold: true,
      size: 7.5,
    });
    w.row(
      [
        head(t.meter(), COL.meter),
        head(t.zone(), COL.zone),
        head(t.previous(), COL.previous, "right"),
        head(t.current(), COL.current, "right"),
        head(t.quantity(), COL.quantity, "right"),
        head(t.billedBy(), COL.method),
        head(t.amount(), COL.amount, "right"),
      ],
      11,
    );
    for (const r of s.readings) {
      w.row([
        { text: r.serial ?? "—", ...COL.meter },
        { text: zoneCell(r.zones, r.zone, locale), ...COL.zone },
        {
          text: r.previous === null ? "—" : dial(r.previous, r.decimals, locale),
          ...COL.previous,
          align: "right",
        },
        {
          text: r.current === null ? "—" : dial(r.current, r.decimals, locale),
          ...COL.current,
          align: "right",
        },
        { text: quantity(r.quantity, locale), ...COL.quantity, align: "right" },
        { text: t.method({ method: r.method }), ...COL.method },
        { text: money(r.amountKop, locale), ...COL.amount, align: "right", shrink: true },
      ]);
    }
  }
  if (s.lines.length > 0) {
    w.row([{ text: `${t.tariffLines()}:`, x: L, width: 200, size: 7.5, bold: true }], 11);
    for (const line of s.lines) {
      w.row(
        [
          { text: lineText(line, s, t, unit, locale), x: L + 10, width: COL.amount.x - L - 14, size: 7.5 },
          { text: money(line.amountKop, locale), ...COL.amount, align: "right", size: 7.5, shrink: true },
        ],
        10.5,
      );
    }
  }
  if (s.fixedFeeKop !== 0) {
    w.row([
      { text: t.fixedFee(), x: L, width: 300 },
      { text: money(s.fixedFeeKop, locale), ...COL.amount, align: "right", shrink: true },
    ]);
  }
  for (const r of s.recalculations) {
    w.row([
      { text: t.recalculation({ period: shortPeriod(r.period) }), x: L, width: 330 },
      { text: signedMoney(r.differenceKop, locale), ...COL.amount, align: "right", shrink: true },
    ]);
    const where = r.serial
      ? `${r.serial}${r.zones > 1 ? `, ${zoneCell(r.zones, r.zone, locale)}` : ""}: `
      : "";
    w.row(
      [
        {
          text:
            where +
            t.recalculationLine({
              estimated: decimalText(r.estimated, locale),
              actual: decimalText(r.actual, locale),
              unit,
              charged: money(r.chargedKop, locale),
              recalculated: money(r.recalculatedKop, locale),
            }),
          x: L + 10,
          width: COL.amount.x - L - 14,
          size: 7.5,
        },
      ],
      10.5,
    );
  }
  w.row(
    [
      {
        text: t.serviceTotal(),
        x: COL.method.x - 120,
        width: COL.amount.x - COL.method.x + 116,
        align: "right",
        bold: true,
      },
      { text: money(s.totalKop, locale), ...COL.amount, align: "right", bold: true, shrink: true },
    ],
    13,
  );
  w.rule();
}

function zoneCell(zones: number, zone: number, locale: Locale): string {
  return zones > 1 ? zoneName(zones, zone, locale) : "—";
}

/** "день, блок 2: 53,333 кВт·год × 1,68 грн × 1,0 (01.07–15.07)". */
function lineText(line: BillLine, s: BillService, t: DocumentWords, unit: string, locale: Locale): string {
  const meters = new Set(s.lines.map((l) => l.meterId)).size;
  const parts = [
    meters > 1 && line.serial ? line.serial : null,
    line.zones > 1 ? zoneCell(line.zones, line.zone, locale) : null,
    t.block({ block: line.block }),
  ].filter(Boolean);
  const factor =
    line.coefficient === null ? "" : ` × ${decimalText(trimDecimal(line.coefficient, 1), locale)}`;
  const days = line.part
    ? ` (${t.tariffDays({ from: shortDate(line.part.from).slice(0, 5), to: shortDate(line.part.to).slice(0, 5) })})`
    : "";
  const price = decimalText(trimDecimal(line.priceUah, 2), locale);
  return `${parts.join(", ")}: ${quantity(line.quantity, locale)} ${unit} × ${price} ${t.currency()}${factor}${days}`;
}

/** "0.900000" → "0.90", "1.680000" → "1.68", "0.500" → "0.5" (at least `min` decimals). */
function trimDecimal(text: string, min: number): string {
  const [whole, frac = ""] = text.split(".");
  const trimmed = frac.replace(/0+$/, "").padEnd(min, "0");
  return trimmed === "" ? (whole ?? "0") : `${whole}.${trimmed}`;
}

function summary(w: PdfWriter, bill: Bill, t: DocumentWords, locale: Locale): void {
  const rows = 7 + bill.payments.length + bill.dueByService.length + bill.planned.services.length;
  w.ensure(Math.max(QR_SIDE + 40, rows * 13 + 30));
  w.gap(6);
  const top = w.y;
  const width = R - QR_SIDE - 12 - L;
  // Room for any amount due up to a few trillion hryvnias at full size; a wider one is set smaller (`shrink`).
  const amountWidth = 100;
  const labelWidth = width - amountWidth - 2;
  const amountX = L + width - amountWidth;
  const line = (
    label: string,
    amount: string,
    options: { bold?: boolean; size?: number; indent?: number } = {},
  ) =>
    w.row(
      [
        { text: label, x: L + (options.indent ?? 0), width: labelWidth - (options.indent ?? 0), ...options },
        { text: amount, x: amountX, width: amountWidth, align: "right", shrink: true, ...options },
      ],
      options.size ? options.size + 5 : 13,
    );

  w.row([{ text: t.summary(), x: L, width, bold: true, size: 10 }], 15);
  const openingDay = addDays(firstDay(bill.period), -1);
  line(t.opening({ date: shortDate(openingDay) }), money(bill.openingBalanceKop, locale));
  line(t.charges(), money(bill.chargesKop, locale));
  if (bill.otherChargesKop !== 0)
    line(t.otherCharges(), money(bill.otherChargesKop, locale), { indent: 10, size: 7.5 });
  line(t.payments(), money(bill.paymentsKop, locale));
  for (const p of bill.payments) {
    const source = t.source({ source: p.source });
    line(`${t.payment({ date: shortDate(p.date) })} (${source})`, money(p.amountKop, locale), {
      indent: 10,
      size: 7.5,
    });
  }
  w.gap(2);
  line(t.amountDue(), money(bill.amountDueKop, locale), { bold: true, size: 12 });
  if (bill.amountDueKop < 0) line(t.overpaid(), "", { size: 7.5 });
  // Per service, as the settlement counts it (a payment that named no service on the debts it settled).
  line(t.dueByService(), "", { size: 7.5, indent: 10 });
  for (const d of bill.dueByService) {
    const name = d.advance ? t.advance() : d.name ? d.name[locale] : t.wholeAccount();
    line(name, money(d.amountKop, locale), { indent: 20, size: 7.5 });
  }
  w.gap(4);
  const plannedTitle = t.planned({ month: monthName(bill.planned.period, locale) });
  if (bill.planned.services.length === 0) line(plannedTitle, t.noPlanned());
  else {
    line(plannedTitle, money(bill.planned.totalKop, locale), { bold: true });
    for (const p of bill.planned.services)
      line(p.name[locale], money(p.amountKop, locale), { indent: 10, size: 7.5 });
  }

  const qrX = R - QR_SIDE;
  drawNbuQr(w.doc, bill.qr.link, qrX, top, QR_SIDE);
  w.doc.font("regular").fontSize(7).fillColor("black");
  const caption =
    bill.qr.payment.amountKop !== null
      ? t.qrCaption()
      : bill.amountDueKop > 0
        ? t.qrTypeAmount()
        : t.qrNoAmount();
  w.doc.text(caption, qrX, top + QR_SIDE + 2, {
    width: QR_SIDE,
    align: "center",
  });
  w.y = Math.max(w.y, top + QR_SIDE + 30);
}
