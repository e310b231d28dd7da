// Per-service balances that add up, in every view: a payment that names no service counts on the debts it settled
// (oldest first, as accountDebts decides), the advance is a line of its own, and an account with one service shows
// its whole balance on it — in accountBalance, on the bill (PDF) and on the statement (PDF and CSV), to the kopiyka,
// for the case and over random histories.
import assert from "node:assert/strict";
import { buffer, text as streamText } from "node:stream/consumers";
import { before, test } from "node:test";
import fc from "fast-check";
import type { LedgerKind } from "../../src/db/tables/money.table.ts";
import type { ServiceCode } from "../../src/db/tables/reference.table.ts";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import type { Actor } from "../../src/services/actor.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { loadBill } from "../../src/services/documents/load-bill.ts";
import { loadStatement } from "../../src/services/documents/load-statement.ts";
import { billPdf } from "../../src/services/documents/render/bill-pdf.ts";
import { statementCsv } from "../../src/services/documents/render/statement-csv.ts";
import { statementPdf } from "../../src/services/documents/render/statement-pdf.ts";
import { StatementTotals } from "../../src/services/documents/statement-totals.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { accountDebts } from "../../src/services/ledger/account-debts.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { BillingFixture } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";
import { lineWith, pdfText, printed } from "../support/pdf.ts";

const ADMIN: Actor = { kind: "platform_admin", userId: 1, locale: "uk" };

/** "1234.56" / "-5.00" (the CSV's amounts) to kopiykas, exactly. */
const kopOfUah = (uah: string) => {
  const [whole = "0", frac = "00"] = uah.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return uah.startsWith("-") ? -value : value;
};

/** RFC 4180 as statementCsv writes it (quoted fields may hold commas). */
function parseCsv(text: string): Record<string, string>[] {
  const rows = text
    .split("\r\n")
    .filter((l) => l !== "")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
        .map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"'))
        .slice(0, -1),
    );
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
}

forEachDatabase("balances per service", (get) => {
  const db = () => get().database.db;
  let f: BillingFixture;
  let water = 0;
  let power = 0;
  const post = (entries: NewLedgerEntry[]) =>
    db()
      .transaction()
      .execute((trx) => postLedgerEntries(trx, entries));
  const payment = (accountId: number, providerId: number, amount: number, date: string, ref: string) => ({
    account_id: accountId,
    provider_id: providerId,
    service_code: null,
    period: `${date.slice(0, 7)}-01`,
    kind: "payment" as const,
    amount_kop: -amount,
    entry_date: date,
    source: "bank_registry" as const,
    source_ref: ref,
  });

  before(async () => {
    f = await BillingFixture.create(get().database);
    water = await f.provider("water-by-service", [
      { service: "cold_water", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "17.364"]] },
      { service: "sewerage", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "11.502"]] },
    ]);
    power = await f.provider("power-by-service", []);
    await db()
      .insertInto("provider_services")
      .values([
        { provider_id: power, service_code: "electricity", settlement_id: f.town },
        { provider_id: water, service_code: "cold_water", settlement_id: f.town },
        { provider_id: water, service_code: "sewerage", settlement_id: f.town },
      ])
      .execute();
  });

  test("the bill: a payment that named no service settles the oldest debts; the advance is shown as the advance", async () => {
    const owing = await f.account(water, { residents: 1 });
    const ahead = await f.account(water, { residents: 1 });
    get().setNow("2019-06-05T09:00:00Z");
    await billPeriod(get().deps, { providerId: water, period: parsePeriod("2019-05"), startedBy: "test" });
    const may = await f.billed(owing, "2019-05");
    // By the norm: 3.6 m³ of cold water at 17.364 and of sewerage at 11.502.
    assert.deepEqual(may, { "cold_water:charge": 6_251, "sewerage:charge": 4_141 });
    await post([
      payment(owing, water, 8_000, "2019-06-10", "line-1"),
      payment(ahead, water, 50_000, "2019-06-10", "line-2"),
    ]);
    get().setNow("2019-07-05T09:00:00Z");
    await billPeriod(get().deps, { providerId: water, period: parsePeriod("2019-06"), startedBy: "test" });

    // 80.00 paid May's cold water (62.51) and 17.49 of May's sewerage: 23.92 of it is left, beside June's charges.
    const bill = await loadBill(get().deps, {
      actor: ADMIN,
      accountId: owing,
      period: parsePeriod("2019-06"),
    });
    assert.equal(bill.amountDueKop, 2 * (6_251 + 4_141) - 8_000);
    assert.deepEqual(
      bill.dueByService.map((d) => [d.service, d.advance, d.amountKop]),
      [
        ["cold_water", false, 6_251],
        ["sewerage", false, 4_141 + 4_141 - (8_000 - 6_251)],
      ],
    );
    const balance = await accountBalance(db(), owing, "2019-06-30");
    assert.deepEqual(
      balance.services.map((s) => [s.service, s.balanceKop]),
      bill.dueByService.map((d) => [d.service, d.amountKop]),
    );
    const debts = await accountDebts(db(), owing, "2019-06-30");
    assert.deepEqual(debts.outstanding, [
      { period: "2019-05", service: "sewerage", amountKop: 4_141 - (8_000 - 6_251) },
      { period: "2019-06", service: "cold_water", amountKop: 6_251 },
      { period: "2019-06", service: "sewerage", amountKop: 4_141 },
    ]);
    const text = pdfText(await buffer(billPdf(bill, "uk")));
    assert.ok(lineWith(text, "До сплати", printed(bill.amountDueKop)), text);
    assert.ok(lineWith(text, "у тому числі:"), text);
    assert.ok(lineWith(text, "Холодна вода", printed(6_251)), text);
    assert.ok(lineWith(text, "Водовідведення", printed(6_533)), text);

    // 500.00 paid both months with 292.16 to spare: nothing owed per service, the advance on a line of its own.
    const paidAhead = await loadBill(get().deps, {
      actor: ADMIN,
      accountId: ahead,
      period: parsePeriod("2019-06"),
    });
    const advance = 50_000 - 2 * (6_251 + 4_141);
    assert.equal(paidAhead.amountDueKop, -advance);
    assert.deepEqual(
      paidAhead.dueByService.map((d) => [d.service, d.advance, d.amountKop]),
      [
        ["cold_water", false, 0],
        ["sewerage", false, 0],
        [null, true, -advance],
      ],
    );
    const aheadText = pdfText(await buffer(billPdf(paidAhead, "uk")));
    assert.ok(lineWith(aheadText, "Аванс (переплата)", printed(-advance)), aheadText);
    assert.ok(lineWith(aheadText, "Холодна вода", "0,00"), aheadText);
    assert.doesNotMatch(aheadText, /Без послуги/);

    // The statement over both months says the same, per service, in the PDF and the CSV.
    const statement = () =>
      loadStatement(get().deps, { actor: ADMIN, accountId: owing, from: "2019-06-01", to: "2019-06-30" });
    const pdf = pdfText(await buffer(statementPdf(await statement(), "uk")));
    // Cold water: 62.51 owed on 31 May, 62.51 charged, 62.51 paid, 62.51 owed; sewerage: 41.41, 41.41, 17.49, 65.33.
    assert.ok(lineWith(pdf, "Холодна вода", "62,51", "62,51", "62,51", "62,51"), pdf);
    assert.ok(lineWith(pdf, "Водовідведення", "41,41", "41,41", "17,49", "65,33"), pdf);
    assert.ok(lineWith(pdf, "10.06.2019", "Оплата: Реєстр банку line-1", "найдавніші борги", "80,00"), pdf);
    const csv = parseCsv(await streamText(statementCsv(await statement(), "uk")));
    const closing = csv.filter((r) => r["kind"] === "closing_balance");
    assert.deepEqual(
      closing.map((r) => [r["service"], r["service_name"], kopOfUah(r["amount_uah"]!)]),
      [
        ["cold_water", "Холодна вода", 6_251],
        ["sewerage", "Водовідведення", 6_533],
      ],
    );
    const entry = csv.find((r) => r["kind"] === "payment")!;
    assert.deepEqual([entry["service"], entry["service_name"]], ["", "найдавніші борги"]);
  });

  test("property: over random histories the statement's lines add up, and agree with accountBalance and accountDebts", async () => {
    const step = fc.record({
      kind: fc.constantFrom<LedgerKind>(
        "charge",
        "estimated_charge",
        "recalculation",
        "adjustment",
        "payment",
      ),
      service: fc.nat({ max: 2 }), // 2: none named (payments and adjustments only)
      month: fc.nat({ max: 5 }),
      day: fc.nat({ max: 40 }),
      amount: fc.integer({ min: 1, max: 90_000 }),
      namesPeriod: fc.boolean(),
    });
    const history = fc.record({
      provider: fc.constantFrom("power", "water"),
      steps: fc.array(step, { minLength: 1, maxLength: 25 }),
      from: fc.nat({ max: 200 }),
      days: fc.nat({ max: 200 }),
    });
    const start = localDate(2025, 1, 1);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const providerId = h.provider === "power" ? power : water;
        const services: ServiceCode[] = h.provider === "power" ? ["electricity"] : ["cold_water", "sewerage"];
        const accountId = await f.account(providerId);
        runs++;
        await post(
          h.steps.map((x, i): NewLedgerEntry => {
            const named = x.service < 2 && (x.kind !== "payment" || x.service === 0);
            const service =
              x.kind === "payment" || x.kind === "adjustment"
                ? named
                  ? services[x.service % services.length]!
                  : null
                : services[x.service % services.length]!;
            const period = `2025-${String(x.month + 1).padStart(2, "0")}-01`;
            const signed =
              x.kind === "payment"
                ? -x.amount
                : (x.kind === "recalculation" || x.kind === "adjustment") && x.amount % 3 === 0
                  ? -x.amount
                  : x.amount;
            return {
              account_id: accountId,
              provider_id: providerId,
              service_code: service,
              period,
              kind: x.kind,
              amount_kop: signed,
              entry_date: addDays(localDate(2025, x.month + 1, 1), x.day),
              source: x.kind === "payment" ? "bank_registry" : "operator",
              source_ref: `r${runs}-${i}`,
              details: x.kind === "payment" && x.namesPeriod ? { period: period.slice(0, 7) } : null,
            };
          }),
        );
        const from = addDays(start, h.from);
        const to = addDays(from, h.days);
        const load = () => loadStatement(get().deps, { actor: ADMIN, accountId, from, to, pageSize: 7 });

        const statement = await load();
        const totals = new StatementTotals(statement);
        for await (const page of statement.pages()) for (const e of page) totals.add(e);
        const { services: lines, total, closing } = totals.result();

        assert.deepEqual(statement.opening, await accountBalance(db(), accountId, addDays(from, -1)));
        assert.deepEqual(closing, await accountBalance(db(), accountId, to));
        const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + pick(l), 0);
        assert.equal(
          sum((l) => l.openingKop),
          total.openingKop,
        );
        assert.equal(
          sum((l) => l.chargedKop),
          total.chargedKop,
        );
        assert.equal(
          sum((l) => l.paidKop),
          total.paidKop,
        );
        assert.equal(
          sum((l) => l.closingKop),
          total.closingKop,
        );
        assert.equal(total.openingKop + total.chargedKop - total.paidKop, total.closingKop);
        for (const l of lines) assert.equal(l.openingKop + l.chargedKop - l.paidKop, l.closingKop);

        const debts = await accountDebts(db(), accountId, to);
        if (services.length === 1) {
          // One service: its whole balance, no line beside it.
          assert.deepEqual(closing.services, [{ service: "electricity", balanceKop: closing.totalKop }]);
          assert.equal(closing.advanceKop, 0);
          assert.ok(lines.every((l) => l.service === "electricity" && !l.advance));
        } else {
          const owed = (service: string | null) =>
            debts.outstanding.filter((d) => d.service === service).reduce((a, d) => a + d.amountKop, 0);
          for (const s of closing.services) assert.equal(s.balanceKop, owed(s.service), String(s.service));
          assert.deepEqual(
            closing.services.map((s) => s.service),
            [...services, ...(owed(null) > 0 ? [null] : [])],
          );
          assert.equal(closing.advanceKop, debts.advanceKop);
          assert.ok(lines.every((l) => (l.advance ? l.closingKop <= 0 : l.closingKop >= 0)));
        }

        const csv = parseCsv(await streamText(statementCsv(await load(), "en")));
        const closingRows = csv.filter((r) => r["kind"] === "closing_balance");
        assert.deepEqual(
          closingRows.map((r) => ({ service: r["service"] || null, balanceKop: kopOfUah(r["amount_uah"]!) })),
          closing.services,
        );
        const advance = csv.find((r) => r["kind"] === "closing_advance");
        assert.equal(advance ? -kopOfUah(advance["amount_uah"]!) : 0, closing.advanceKop);
        const closingTotal = csv.find((r) => r["kind"] === "closing_total")!;
        assert.equal(kopOfUah(closingTotal["amount_uah"]!), debts.totalKop);
      }),
      { numRuns: 15 },
    );
  });
});
