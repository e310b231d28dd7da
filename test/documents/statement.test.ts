// The reconciliation statement against the ledger, to the kopiyka: the opening balance is account-balance.ts's
// on the day before `from`, opening + every entry is its figure on `to`, per service and in total; in the PDF as
// pdftotext reads it and in the CSV. A 1,200-entry ledger read in small keyset pages comes out whole, in order.
import assert from "node:assert/strict";
import { buffer, text as streamText } from "node:stream/consumers";
import { before, test } from "node:test";
import type { Actor } from "../../src/services/actor.ts";
import { loadStatement, type StatementEntry } from "../../src/services/documents/load-statement.ts";
import { statementCsv } from "../../src/services/documents/render/statement-csv.ts";
import { statementPdf } from "../../src/services/documents/render/statement-pdf.ts";
import { AppError } from "../../src/services/errors.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion } from "../support/documents-region.ts";
import { lineWith, pdfPages, pdfText, printed } from "../support/pdf.ts";

const ADMIN: Actor = { kind: "platform_admin", userId: 1, locale: "uk" };
let region: DocumentsRegion;

/** "1 234,56" / "-404,00" back to kopiykas. */
const kopOf = (text: string) => {
  const negative = text.startsWith("-");
  const [whole = "0", frac = "00"] = text.replace(/^-/, "").replace(/ /g, "").split(",");
  const value = Number(whole) * 100 + Number(frac);
  return negative ? -value : value;
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
const kopOfUah = (uah: string) => Math.round(Number(uah) * 100);

forEachDatabase(
  "the reconciliation statement",
  (get) => {
    const db = () => get().database.db;
    before(() => get().setNow("2019-08-10T10:00:00Z"));
    const load = (accountId: number, from: string, to: string, pageSize?: number) =>
      loadStatement(get().deps, { actor: ADMIN, accountId, from, to, ...(pageSize ? { pageSize } : {}) });

    test("PDF: opening, each charge and payment with its document, closing = the ledger, per service and in total", async () => {
      const pdf = await buffer(statementPdf(await load(region.single, "2019-07-01", "2019-08-31"), "uk"));
      const text = pdfText(pdf);
      assert.match(text, /Акт звірки розрахунків/);
      assert.match(text, /за період з 1 липня 2019 по 31 серпня 2019/);
      assert.ok(lineWith(text, "Особовий рахунок: 10-000123/4", "Шевченко Тарас Григорович"));
      const opening = await accountBalance(db(), region.single, "2019-06-30");
      const closing = await accountBalance(db(), region.single, "2019-08-31");
      assert.equal(opening.totalKop, 34_200);
      assert.equal(closing.totalKop, 100);
      assert.ok(lineWith(text, "Сальдо на початок 30.06.2019", printed(opening.totalKop)));
      // The payment named no service: it went to the oldest debts.
      assert.ok(
        lineWith(
          text,
          "05.07.2019",
          "Оплата: Реєстр банку privat-2019-07-05-0001",
          "найдавніші борги",
          "404,00",
        ),
      );
      assert.ok(lineWith(text, "31.07.2019", "Нарахування: Рахунок за 07.2019", "Електроенергія", "63,00"));
      assert.ok(lineWith(text, "Сальдо на кінець 31.08.2019", printed(closing.totalKop)));
      // Per service: one service carries it all — 342.00 owed, 63.00 charged, 404.00 paid on it, 1.00 left.
      assert.deepEqual(closing, {
        totalKop: 100,
        services: [{ service: "electricity", balanceKop: 100 }],
        advanceKop: 0,
      });
      assert.ok(lineWith(text, "Електроенергія", "342,00", "63,00", "404,00", "1,00"), text);
      assert.doesNotMatch(text, /Без послуги|Інші нарахування|Аванс \(переплата\)/);
      assert.ok(lineWith(text, "Усього", "342,00", "63,00", "404,00", printed(closing.totalKop)));
      assert.match(text, /Оплату, у якій не вказано послугу, зараховано в найдавніші борги/);
    });

    test("CSV: opening + Σ entries = closing = the ledger on `to`, per service and in total", async () => {
      for (const [accountId, from, to] of [
        [region.single, "2019-07-01", "2019-08-31"],
        [region.single, "2019-01-01", "2019-12-31"],
        [region.late, "2019-06-15", "2019-07-31"],
        [region.busy, "2018-03-10", "2018-09-20"],
      ] as const) {
        const rows = parseCsv(await streamText(statementCsv(await load(accountId, from, to), "uk")));
        const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        const opening = await accountBalance(db(), accountId, dayBefore);
        const closing = await accountBalance(db(), accountId, to);
        const total = (kind: string) => kopOfUah(rows.find((r) => r["kind"] === kind)!["amount_uah"]!);
        const entries = rows.filter((r) => !/_(balance|total)$/.test(r["kind"]!));
        assert.equal(total("opening_total"), opening.totalKop);
        assert.equal(total("closing_total"), closing.totalKop);
        assert.equal(
          opening.totalKop + entries.reduce((a, r) => a + kopOfUah(r["amount_uah"]!), 0),
          closing.totalKop,
        );
        // Per service (and the advance), as accountBalance has them on each day, adding up to the totals.
        for (const [at, balance] of [
          ["opening", opening],
          ["closing", closing],
        ] as const) {
          const lines = rows.filter((r) => r["kind"] === `${at}_balance`);
          assert.deepEqual(
            lines.map((r) => ({ service: r["service"] || null, balanceKop: kopOfUah(r["amount_uah"]!) })),
            balance.services,
            `${accountId} ${at}`,
          );
          const advance = rows.find((r) => r["kind"] === `${at}_advance`);
          assert.equal(advance ? -kopOfUah(advance["amount_uah"]!) : 0, balance.advanceKop);
          assert.equal(
            lines.reduce((a, r) => a + kopOfUah(r["amount_uah"]!), 0) - balance.advanceKop,
            total(`${at}_total`),
          );
        }
        for (const r of entries) {
          assert.ok(r["date"]! >= from && r["date"]! <= to, r["date"]);
          assert.match(
            r["document"]!,
            /^(Нарахування|Нарахування \(оцінка\)|Перерахунок|Оплата|Коригування): /,
          );
        }
      }
    });

    test("keyset pages: 1,200 entries read 7 at a time come out whole, in order, with no repeats", async () => {
      const statement = await load(region.busy, "2018-01-01", "2018-12-31", 7);
      const seen: StatementEntry[] = [];
      let pages = 0;
      for await (const page of statement.pages()) {
        assert.ok(page.length <= 7);
        seen.push(...page);
        pages++;
      }
      assert.equal(seen.length, region.busyEntries);
      assert.equal(pages, Math.ceil(region.busyEntries / 7));
      assert.equal(new Set(seen.map((e) => e.id)).size, seen.length);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1]!, seen[i]!];
        assert.ok(a.date < b.date || (a.date === b.date && a.id < b.id), "ordered by date, then id");
      }
      const direct = await db()
        .selectFrom("ledger_entries")
        .select("id")
        .where("account_id", "=", region.busy)
        .orderBy("entry_date")
        .orderBy("id")
        .execute();
      assert.deepEqual(
        seen.map((e) => e.id),
        direct.map((r) => r.id),
      );
    });

    test("a long statement streams over many pages and still adds up to the ledger, row by row", async () => {
      const statement = await load(region.busy, "2018-01-01", "2018-12-31", 50);
      const pdf = await buffer(statementPdf(statement, "ru"));
      assert.ok(pdfPages(pdf) > 15);
      const text = pdfText(pdf);
      const rows = text.split("\n").filter((l) => /^\d{2}\.\d{2}\.2018 /.test(l));
      assert.equal(rows.length, region.busyEntries);
      let charged = 0;
      let paid = 0;
      for (const row of rows) {
        const amount = kopOf(/(-?[\d ]*\d,\d{2})\s*$/.exec(row)![1]!.trim());
        if (row.includes("Оплата:")) paid += amount;
        else charged += amount;
      }
      const closing = await accountBalance(db(), region.busy, "2018-12-31");
      assert.equal(charged - paid, closing.totalKop);
      assert.ok(lineWith(text, "Всего", printed(charged), printed(paid)));
      assert.ok(lineWith(text, "Сальдо на конец 31.12.2018", printed(closing.totalKop)));
      assert.match(text, /Акт сверки расчётов/);
    });

    test("an empty range, and the validation of dates", async () => {
      const text = pdfText(
        await buffer(statementPdf(await load(region.single, "2019-01-01", "2019-01-31"), "en")),
      );
      assert.ok(lineWith(text, "No entries in the period"));
      assert.ok(lineWith(text, "Closing balance on 31.01.2019", "0.00"));
      const invalid = (p: Promise<unknown>) =>
        assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === "validation_failed");
      await invalid(load(region.single, "2019-08-01", "2019-07-01"));
      await invalid(load(region.single, "2019-02-30", "2019-07-01"));
      await assert.rejects(
        loadStatement(get().deps, {
          actor: { kind: "resident", userId: 424242, locale: "uk" },
          accountId: region.single,
          from: "2019-01-01",
          to: "2019-12-31",
        }),
        (e: unknown) => e instanceof AppError && e.code === "not_found",
      );
    });
  },
  async ({ database }) => {
    region = await buildDocumentsRegion(database);
  },
);
