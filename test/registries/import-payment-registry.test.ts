// Bank payment registries end to end on both databases: real files (a UTF-8 standard one, a Windows-1251 bank one)
// with duplicates, an unknown account, malformed amounts and a wrong encoding; the report's figures checked against
// what registry_lines and the ledger hold, and nothing posted twice however often a file comes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import iconv from "iconv-lite";
import { sql } from "kysely";
import { openAccount } from "../../src/services/accounts/open-account.ts";
import { AppError } from "../../src/services/errors.ts";
import { accountDebts } from "../../src/services/ledger/account-debts.ts";
import {
  type ImportRegistryOptions,
  importPaymentRegistry,
  type RegistryReport,
} from "../../src/services/registries/import-payment-registry.ts";
import { saveRegistrySource } from "../../src/services/registries/save-registry-source.ts";
import { forEachDatabase } from "../support/databases.ts";
import { registryRegion } from "../support/registry-region.ts";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/registries/${name}`, import.meta.url)));
const STANDARD_1 = fixture("standard-2026-11-03.csv");
const STANDARD_2 = fixture("standard-2026-11-04.csv");
const BANK = fixture("demo-bank-2026-11-04.csv");

forEachDatabase("payment registries", (get) => {
  let ids: Record<string, number>;
  const run = (o: Partial<ImportRegistryOptions> & Pick<ImportRegistryOptions, "content" | "source">) =>
    importPaymentRegistry(get().deps, { fileName: "registry.csv", importedBy: "test", locale: "en", ...o });
  const refused = async (promise: Promise<unknown>, code: string) => {
    await assert.rejects(promise, (e) => {
      assert.ok(e instanceof AppError, String(e));
      assert.equal(e.code, code, e.message);
      return true;
    });
  };
  const counts = async () => {
    const { rows } = await sql<{ registries: number; lines: number; entries: number; total: number }>`
        select (select count(*)::int from payment_registries) as registries,
               (select count(*)::int from registry_lines) as lines,
               (select count(*)::int from ledger_entries where source = 'bank_registry') as entries,
               (select coalesce(sum(amount_kop), 0)::int8 from ledger_entries where source = 'bank_registry') as total
      `.execute(get().database.db);
    return rows[0]!;
  };
  const problems = (r: RegistryReport) => r.problems.map((p) => [p.line, p.outcome, p.reason]);

  before(async () => {
    get().setNow("2026-11-05T10:00:00Z");
    ids = await registryRegion(get().database);
  });

  test("the standard file: posted, duplicate in the file, unknown account and provider, malformed amounts and dates", async () => {
    const r = await run({ source: "standard", fileName: "standard-2026-11-03.csv", content: STANDARD_1 });
    assert.equal(r.encoding, "utf-8");
    assert.equal(r.encodingDetected, false);
    assert.deepEqual(
      [r.lines, r.posted, r.duplicates, r.unmatched, r.malformed, r.blankLines],
      [11, 4, 1, 2, 4, 1],
    );
    assert.equal(r.postedKop, 15000 + 123456 + 9990 + 100000);
    assert.deepEqual(problems(r), [
      [5, "duplicate", "duplicate_in_file"],
      [6, "unmatched", "account_unknown"],
      [7, "malformed", "amount_malformed"],
      [8, "malformed", "amount_negative"],
      [9, "malformed", "amount_too_many_decimals"],
      [10, "malformed", "paid_on_invalid"],
      [11, "unmatched", "provider_unknown"],
    ]);
    const byLine = new Map(r.problems.map((p) => [p.line, p]));
    assert.equal(byLine.get(5)!.message, 'Payment "PB-0001" is already in this file (line 2)');
    assert.equal(byLine.get(6)!.message, 'There is no account "T-999" at deu');
    assert.equal(byLine.get(7)!.message, 'The amount "12.5O" is not a number written as 1 234.56');
    assert.equal(byLine.get(7)!.raw, "PB-0005,T-3,12.5O,2026-11-03,Помилка Сума,42350012,,,");
    assert.equal(
      byLine.get(10)!.message,
      'The payment date "2026-02-30" is not a real date written as YYYY-MM-DD',
    );

    // Every payment line is kept, with its outcome; the header and the blank line are not payments.
    const lines = await get()
      .database.db.selectFrom("registry_lines")
      .select(["line_no", "outcome", "reason", "account_id", "amount_kop", "reference", "raw", "details"])
      .where("registry_id", "=", r.registryId)
      .orderBy("line_no")
      .execute();
    assert.deepEqual(
      lines.map((l) => l.line_no),
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13],
    );
    assert.deepEqual(
      lines.filter((l) => l.outcome === "posted").map((l) => [l.line_no, l.account_id, l.amount_kop]),
      [
        [2, ids["T-1"], 15000],
        [3, ids["T-2"], 123456],
        [4, ids["T-4"], 9990],
        [13, ids["T-5"], 100000],
      ],
    );
    assert.equal(lines[0]!.details["payer"], "Шевченко, Тарас", "names are read as written");

    // The ledger holds exactly the posted lines, to the kopiyka, dated and attributed as they say.
    const entries = await get()
      .database.db.selectFrom("ledger_entries")
      .select([
        "account_id",
        "provider_id",
        "amount_kop",
        "entry_date",
        "period",
        "service_code",
        "source_ref",
        "details",
      ])
      .where("source", "=", "bank_registry")
      .orderBy("id")
      .execute();
    assert.equal(entries.length, 4);
    assert.equal(-entries.reduce((s, e) => s + e.amount_kop, 0), r.postedKop);
    assert.deepEqual(entries[1], {
      account_id: ids["T-2"],
      provider_id: ids["deu"],
      amount_kop: -123456,
      entry_date: "2026-11-03",
      period: "2026-10-01",
      service_code: "electricity",
      source_ref: "standard:PB-0002",
      details: { registry_id: r.registryId, line: 3, period: "2026-10", service: "electricity" },
    });
    assert.equal(entries[0]!.period, "2026-11-01", "no period named: the month it was paid");
    assert.equal(entries[3]!.service_code, "cold_water", "a service named in Ukrainian");
    const debts = await accountDebts(get().database.db, ids["T-2"]!, "2026-11-05");
    assert.equal(debts.advanceKop, 123456, "a payment with nothing to settle is an advance");
  });

  test("the same file again is refused and writes nothing; a later file's repeated reference is a duplicate", async () => {
    const before = await counts();
    await refused(
      run({ source: "standard", fileName: "copy.csv", content: STANDARD_1 }),
      "registry_already_imported",
    );
    assert.deepEqual(await counts(), before);

    const r = await run({ source: "standard", fileName: "standard-2026-11-04.csv", content: STANDARD_2 });
    assert.deepEqual([r.lines, r.posted, r.duplicates, r.postedKop], [2, 1, 1, 30000]);
    assert.equal(r.problems[0]!.reason, "duplicate_posted");
    assert.match(r.problems[0]!.message, /^Payment "PB-0002" is already posted \(registry #\d+, line 3\)$/);
    const after = await counts();
    assert.equal(after.entries, before.entries + 1);
    assert.equal(after.total, before.total - 30000);
  });

  test("imported again on purpose after the missing account was opened: only that line posts", async () => {
    const premise = await get()
      .database.db.selectFrom("accounts")
      .select("premise_id")
      .where("id", "=", ids["T-1"]!)
      .executeTakeFirstOrThrow();
    await openAccount(get().database.db, {
      provider_id: ids["deu"]!,
      number: "T-999",
      number_normalized: "T999",
      premise_id: premise.premise_id,
      holder_name: "Невідомий Абонент",
      opened_on: "2026-11-01",
    });
    const before = await counts();
    const r = await run({
      source: "standard",
      fileName: "standard-2026-11-03.csv",
      content: STANDARD_1,
      again: true,
    });
    assert.deepEqual([r.lines, r.posted, r.duplicates, r.unmatched, r.malformed], [11, 1, 5, 1, 4]);
    assert.equal(r.postedKop, 5000);
    const after = await counts();
    assert.equal(after.entries, before.entries + 1);
    assert.equal(after.total, before.total - 5000);
    assert.equal(after.lines, before.lines + 11, "the second import's lines are kept too");
  });

  test("the Windows-1251 bank file: Ukrainian headers, decimal commas, DD.MM.YYYY, names intact", async () => {
    assert.throws(
      () => new TextDecoder("utf-8", { fatal: true }).decode(BANK),
      "the fixture really is cp1251",
    );
    const before = await counts();
    const r = await run({
      source: "demo-bank",
      fileName: "demo-bank-2026-11-04.csv",
      content: BANK,
      locale: "uk",
    });
    assert.equal(r.encoding, "windows-1251");
    assert.deepEqual([r.lines, r.posted, r.duplicates, r.unmatched, r.malformed], [6, 3, 1, 1, 1]);
    assert.equal(r.postedKop, 123456 + 15050 + 7500);
    assert.deepEqual(problems(r), [
      [4, "unmatched", "account_unknown"],
      [5, "malformed", "amount_malformed"],
      [6, "duplicate", "duplicate_in_file"],
    ]);
    assert.equal(r.problems[0]!.message, "Особового рахунку «ВК-777» у постачальника voda немає");
    assert.equal(r.problems[1]!.message, "Сума «сто гривень» не є числом у форматі 1 234,56");
    const payer = await get()
      .database.db.selectFrom("registry_lines")
      .select(["details", "raw"])
      .where("registry_id", "=", r.registryId)
      .where("line_no", "=", 2)
      .executeTakeFirstOrThrow();
    assert.equal(payer.details["payer"], "Шевченко Тарас Григорович");
    assert.match(payer.raw, /^ПН-1001;04\.11\.2026;т-1;/);
    const after = await counts();
    assert.equal(after.total, before.total - r.postedKop);
    const t3 = await get()
      .database.db.selectFrom("ledger_entries")
      .select(["amount_kop", "source_ref", "entry_date"])
      .where("account_id", "=", ids["T-3"]!)
      .where("source_ref", "=", "demo-bank:ПН-1002")
      .execute();
    assert.deepEqual(t3, [{ amount_kop: -15050, source_ref: "demo-bank:ПН-1002", entry_date: "2026-11-04" }]);
  });

  test("wrong encoding: cp1251 bytes sent to a UTF-8 source are refused; auto or an explicit encoding reads them", async () => {
    const text =
      "reference,account,amount,paid_on,payer,provider_edrpou\r\n" +
      "CP-1,T-4,42.00,2026-11-04,Ґудзь Їржі Євгенович,42350028\r\n";
    const content = new Uint8Array(iconv.encode(text, "win1251"));
    const before = await counts();
    await assert.rejects(
      run({ source: "standard", fileName: "cp.csv", content }),
      (e: AppError) =>
        e.code === "registry_wrong_encoding" &&
        e
          .messageIn("en")
          .startsWith('The file "cp.csv" is not in utf-8, which source "standard" expects: line 2'),
    );
    assert.deepEqual(await counts(), before, "nothing written");

    await saveRegistrySource(get().deps, {
      name: "standard-auto",
      encoding: "auto",
      columns: {
        reference: "reference",
        account: "account",
        amount: "amount",
        paid_on: "paid_on",
        payer: "payer",
        provider_edrpou: "provider_edrpou",
      },
    });
    const r = await run({ source: "standard-auto", fileName: "cp.csv", content });
    assert.deepEqual(
      [r.encoding, r.encodingDetected, r.posted, r.postedKop],
      ["windows-1251", true, 1, 4200],
    );
    const line = await get()
      .database.db.selectFrom("registry_lines")
      .select("details")
      .where("registry_id", "=", r.registryId)
      .executeTakeFirstOrThrow();
    assert.equal(line.details["payer"], "Ґудзь Їржі Євгенович");

    const forced = await run({ source: "standard", fileName: "cp.csv", content, encoding: "windows-1251" });
    assert.deepEqual([forced.encoding, forced.encodingDetected, forced.posted], ["windows-1251", false, 1]);
    assert.notEqual(forced.registryId, r.registryId);
  });

  test("files that cannot be read are refused with a code and write nothing", async () => {
    const before = await counts();
    const utf8 = (s: string) => new TextEncoder().encode(s);
    await refused(
      run({
        source: "standard",
        content: utf8("reference,account,sum,paid_on,provider_edrpou\nX,T-1,1,2026-11-04,42350012\n"),
      }),
      "registry_header_invalid",
    );
    await refused(
      run({ source: "standard", content: utf8("reference,account,amount,paid_on\nX,T-1,1,2026-11-04\n") }),
      "registry_header_invalid",
    );
    await refused(run({ source: "standard", content: new Uint8Array() }), "registry_empty");
    await refused(
      run({ source: "standard", content: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]) }),
      "registry_not_csv",
    );
    await refused(
      run({
        source: "standard",
        content: utf8('reference,account,amount,paid_on,provider_edrpou\n"X,T-1,1,2026-11-04,42350012\n'),
      }),
      "registry_not_csv",
    );
    await refused(run({ source: "no-such", content: STANDARD_2 }), "registry_source_unknown");
    assert.deepEqual(await counts(), before);
    const err = await run({
      source: "standard",
      fileName: "x.csv",
      content: utf8("reference;account;amount\n"),
    }).catch((e: AppError) => e);
    assert.ok(err instanceof AppError);
    assert.equal(
      err.messageIn("en"),
      'The header of "x.csv" (line 1) lacks columns that source "standard" needs: reference ("reference"), ' +
        'account ("account"), amount ("amount"), paid_on ("paid_on"), provider_edrpou ("provider_edrpou") / ' +
        'provider_iban ("provider_iban"). The file\'s header: reference;account;amount. Nothing was imported.',
    );
  });

  test("an import for one provider posts its own lines and leaves another provider's unmatched", async () => {
    const text =
      "reference,account,amount,paid_on,provider_edrpou\n" +
      "OWN-1,T-1,10.00,2026-11-04,\n" +
      "OWN-2,T-2,20.00,2026-11-04,42350012\n" +
      "OTHER-1,T-4,30.00,2026-11-04,42350028\n";
    const r = await run({
      source: "standard",
      content: new TextEncoder().encode(text),
      providerId: ids["deu"]!,
    });
    assert.deepEqual([r.posted, r.unmatched, r.postedKop], [2, 1, 3000]);
    assert.deepEqual(problems(r), [[4, "unmatched", "provider_other"]]);
    assert.equal(r.problems[0]!.message, "The payment is for voda, but the registry is imported for deu");
  });

  test("every line of every file is in registry_lines and the ledger equals the posted lines to the kopiyka", async () => {
    const { rows } = await sql<{
      recorded: number;
      reported: number;
      posted_kop: number;
      lines_kop: number;
      ledger_kop: number;
    }>`
        select (select count(*)::int from registry_lines) as recorded,
               (select coalesce(sum(lines), 0)::int from payment_registries) as reported,
               (select coalesce(sum(posted_kop), 0)::int8 from payment_registries) as posted_kop,
               (select coalesce(sum(amount_kop), 0)::int8 from registry_lines where outcome = 'posted') as lines_kop,
               (select coalesce(-sum(amount_kop), 0)::int8 from ledger_entries where source = 'bank_registry') as ledger_kop
      `.execute(get().database.db);
    const t = rows[0]!;
    assert.equal(t.recorded, t.reported);
    assert.equal(t.lines_kop, t.posted_kop);
    assert.equal(t.ledger_kop, t.posted_kop);
    const twice = await sql<{ n: number }>`
        select count(*)::int as n from (
          select source_ref from ledger_entries where source = 'bank_registry' group by source_ref having count(*) > 1
        ) d`.execute(get().database.db);
    assert.equal(twice.rows[0]!.n, 0, "no reference posted twice");
  });
});
