// The widest amounts the ledger holds, printed whole: every amount column of the statement (PDF and CSV) and of
// the bill fits ±90 071 992 547 409,91 UAH, the largest amount of kopiykas the app reads exactly (2^53 − 1), which
// is also the largest the database accepts in one entry. Read back with pdftotext, as a person's tools read it.
import assert from "node:assert/strict";
import { buffer, text as streamText } from "node:stream/consumers";
import { before, test } from "node:test";
import { parseNbuQr } from "../../src/domain/nbu-qr.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import type { Actor } from "../../src/services/actor.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { loadBill } from "../../src/services/documents/load-bill.ts";
import { loadStatement } from "../../src/services/documents/load-statement.ts";
import { billPdf } from "../../src/services/documents/render/bill-pdf.ts";
import { statementCsv } from "../../src/services/documents/render/statement-csv.ts";
import { statementPdf } from "../../src/services/documents/render/statement-pdf.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";
import { lineWith, pdfText, qrFromPdf } from "../support/pdf.ts";

const ADMIN: Actor = { kind: "platform_admin", userId: 1, locale: "uk" };
const MAX = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991 kop
const WIDE = "90 071 992 547 409,91";
const WIDE_EN = "90,071,992,547,409.91";

forEachDatabase("the widest amounts in documents", (get) => {
  const db = () => get().database.db;
  let provider = 0;
  const accounts: Record<"paid" | "ahead" | "recalculated" | "owing" | "refused", number> = {
    paid: 0,
    ahead: 0,
    recalculated: 0,
    owing: 0,
    refused: 0,
  };
  const entry = (
    accountId: number,
    e: Partial<NewLedgerEntry> & Pick<NewLedgerEntry, "kind" | "amount_kop">,
  ) => ({
    account_id: accountId,
    provider_id: provider,
    service_code: "electricity" as const,
    period: "2019-01-01",
    entry_date: "2019-01-10",
    source: "operator" as const,
    source_ref: `${accountId}-${e.kind}-${e.entry_date ?? ""}`,
    ...e,
  });
  const post = (entries: NewLedgerEntry[]) =>
    db()
      .transaction()
      .execute((trx) => postLedgerEntries(trx, entries));
  const statement = (accountId: number, from: string, to: string) =>
    loadStatement(get().deps, { actor: ADMIN, accountId, from, to });

  before(async () => {
    const f = await BillingFixture.create(get().database);
    provider = await f.provider("wide", [ELECTRICITY_2019]);
    for (const name of Object.keys(accounts) as (keyof typeof accounts)[]) {
      accounts[name] = await f.account(provider);
    }
    await post([
      // Charged the most, then paid the most without naming a service.
      entry(accounts.paid, { kind: "charge", amount_kop: MAX }),
      entry(accounts.paid, {
        kind: "payment",
        amount_kop: -MAX,
        entry_date: "2019-02-05",
        service_code: null,
      }),
      // Paid the most ahead: an advance of all of it.
      entry(accounts.ahead, {
        kind: "payment",
        amount_kop: -MAX,
        service_code: null,
        source: "bank_registry",
      }),
      // Recalculated down by the most.
      entry(accounts.recalculated, { kind: "recalculation", amount_kop: -MAX }),
      // Owes the most.
      entry(accounts.owing, { kind: "adjustment", amount_kop: MAX }),
    ]);
  });

  test("the database refuses an entry beyond what the app reads exactly, in either direction", async () => {
    for (const amount of [MAX + 1, -(MAX + 1)]) {
      await assert.rejects(
        post([
          entry(accounts.owing, { kind: "adjustment", amount_kop: amount, source_ref: `beyond-${amount}` }),
        ]),
        /check constraint|ledger_entries_amount/,
      );
    }
  });

  test("statement PDF: the widest charge, payment, total and balances are printed whole", async () => {
    const paid = pdfText(
      await buffer(statementPdf(await statement(accounts.paid, "2019-01-01", "2019-02-28"), "uk")),
    );
    assert.ok(lineWith(paid, "10.01.2019", "Нарахування", WIDE), paid);
    assert.ok(lineWith(paid, "05.02.2019", "Оплата", WIDE), paid);
    assert.ok(lineWith(paid, "Усього", `${WIDE}`, `${WIDE}`), paid);
    assert.ok(lineWith(paid, "Електроенергія", "0,00", WIDE, WIDE, "0,00"), paid);
    assert.doesNotMatch(paid, /…/, "nothing is cut");

    const ahead = pdfText(
      await buffer(statementPdf(await statement(accounts.ahead, "2019-02-01", "2019-02-28"), "uk")),
    );
    assert.ok(lineWith(ahead, "Сальдо на початок 31.01.2019", `-${WIDE}`), ahead);
    assert.ok(lineWith(ahead, "Сальдо на кінець 28.02.2019", `-${WIDE}`), ahead);
    assert.ok(lineWith(ahead, "Усього", `-${WIDE}`, "0,00", "0,00", `-${WIDE}`), ahead);
    assert.doesNotMatch(ahead, /…/);

    const recalculated = pdfText(
      await buffer(statementPdf(await statement(accounts.recalculated, "2019-01-01", "2019-01-31"), "en")),
    );
    assert.ok(lineWith(recalculated, "10.01.2019", "Recalculation", `-${WIDE_EN}`), recalculated);
    assert.ok(lineWith(recalculated, "Closing balance on 31.01.2019", `-${WIDE_EN}`), recalculated);
    assert.doesNotMatch(recalculated, /…/);
  });

  test("statement CSV: the same amounts, exact", async () => {
    const csv = await streamText(
      statementCsv(await statement(accounts.paid, "2019-01-01", "2019-02-28"), "uk"),
    );
    assert.match(csv, /,charge,.*,90071992547409\.91\r\n/);
    assert.match(csv, /,payment,.*,-90071992547409\.91\r\n/);
    const ahead = await streamText(
      statementCsv(await statement(accounts.ahead, "2019-02-01", "2019-02-28"), "uk"),
    );
    assert.match(ahead, /,closing_total,,,,-90071992547409\.91\r\n/);
  });

  test("bill PDF: the widest opening balance and amount due are printed whole; the QR code leaves out what it cannot hold", async () => {
    get().setNow("2019-03-05T09:00:00Z");
    await billPeriod(get().deps, { providerId: provider, period: parsePeriod("2019-02"), startedBy: "test" });
    for (const [accountId, due] of [
      [accounts.owing, WIDE],
      [accounts.ahead, `-${WIDE}`],
    ] as const) {
      const bill = await loadBill(get().deps, { actor: ADMIN, accountId, period: parsePeriod("2019-02") });
      const pdf = await buffer(billPdf(bill, "uk"));
      const text = pdfText(pdf);
      assert.ok(lineWith(text, "на 31.01.2019", due), text);
      assert.ok(lineWith(text, "До сплати", due), text);
      assert.doesNotMatch(text, /…/);
      // Above the QR code's 999 999 999,99 the payer types the amount, as when nothing is owed.
      assert.equal(parseNbuQr(qrFromPdf(pdf)).amountKop, null);
    }
  });
});
