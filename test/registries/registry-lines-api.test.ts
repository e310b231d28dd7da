// Registry lines as an administrator meets them over HTTP, on the demo region: an amount no household pays, a
// service the provider does not supply, references that differ only by case, an account number written without
// its leading zeros, a day written without its leading zero, a bank file with a preamble and a totals line, and a
// source name that is not one. Each answer is checked against what the ledger holds afterwards.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { saveRegistrySource } from "../../src/services/registries/save-registry-source.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp, signInAs } from "../support/http.ts";

interface Problem {
  line: number;
  outcome: string;
  reason: string;
  message: string;
}

forEachDatabase(
  "registry lines over HTTP",
  (get) => {
    let app: FastifyInstance;
    let token: string;
    let deu: string[];
    let gas: string[];
    let water: string[];

    before(async () => {
      get().setNow("2026-11-26T10:00:00Z");
      app = await quietApp(get().deps);
      token = await signInAs(app, DEMO_PEOPLE.platformAdmin.email, DEMO_PASSWORD);
      const numbers = async (code: string) => {
        const { rows } = await sql<{ number: string }>`
          select a.number from accounts a join providers p on p.id = a.provider_id
          where p.code = ${code} order by a.id limit 3`.execute(get().database.db);
        return rows.map((r) => r.number);
      };
      deu = await numbers("deu");
      gas = await numbers("donetskoblgaz");
      water = await numbers("mariupol-vkg");
    });
    after(async () => {
      await app?.close();
    });

    const upload = async (provider: string, query: string, text: string, lang = "en") => {
      const res = await app.inject({
        method: "POST",
        url: `/api/providers/${provider}/payment-registries?${query}${query ? "&" : ""}lang=${lang}`,
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "accept-language": lang },
        payload: Buffer.from(text),
      });
      return { status: res.statusCode, body: res.json() };
    };
    const reasons = (r: { problems: Problem[] }) => r.problems.map((p) => [p.line, p.outcome, p.reason]);
    const ledger = async (sourceRef: string) => {
      const { rows } = await sql<{ account: string; kop: number; service: string | null }>`
        select a.number as account, e.amount_kop as kop, e.service_code as service
        from ledger_entries e join accounts a on a.id = e.account_id
        where e.source = 'bank_registry' and lower(e.source_ref) = lower(${sourceRef})
        order by e.id`.execute(get().database.db);
      return rows;
    };
    const HEAD = "reference,account,amount,paid_on,service\n";

    test("an amount above the source's limit (100,000 UAH by default) is malformed and names the limit", async () => {
      const r = await upload(
        "deu",
        "source=standard&fileName=huge.csv",
        HEAD +
          `BIG-1,${deu[0]},999999999999.99,2026-11-25,\n` +
          `BIG-2,${deu[0]},100000.00,2026-11-25,\n` +
          `BIG-3,${deu[1]},100000.01,2026-11-25,\n`,
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual([r.body.posted, r.body.malformed, r.body.postedKop], [1, 2, 10_000_000]);
      assert.deepEqual(reasons(r.body), [
        [2, "malformed", "amount_too_large"],
        [4, "malformed", "amount_too_large"],
      ]);
      assert.equal(
        r.body.problems[0].message,
        'The amount "999999999999.99" is above 100000.00 UAH, the largest payment this source may bring',
      );
      assert.deepEqual(await ledger("standard:BIG-1"), []);
      assert.deepEqual(await ledger("standard:BIG-2"), [
        { account: deu[0], kop: -10_000_000, service: null },
      ]);
    });

    test("a service the provider does not supply is refused with service_not_supplied", async () => {
      const r = await upload(
        "deu",
        "source=standard&fileName=services.csv",
        HEAD +
          `SRV-1,${deu[0]},120.00,2026-11-25,gas\n` +
          `SRV-2,${deu[0]},130.00,2026-11-25,Електроенергія\n`,
        "uk",
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(reasons(r.body), [[2, "unmatched", "service_not_supplied"]]);
      assert.equal(r.body.problems[0].message, "Постачальник deu не надає послугу «gas»");
      assert.deepEqual(await ledger("standard:SRV-1"), []);
      assert.deepEqual(await ledger("standard:SRV-2"), [
        { account: deu[0], kop: -13000, service: "electricity" },
      ]);
    });

    test("references that differ only by case are one payment, within a file and across files", async () => {
      const first = await upload(
        "deu",
        "source=standard&fileName=case-1.csv",
        HEAD + `r1-001,${deu[0]},10.00,2026-11-25,\nR1-001,${deu[1]},10.00,2026-11-25,\n`,
      );
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.deepEqual([first.body.posted, first.body.duplicates], [1, 1]);
      assert.deepEqual(reasons(first.body), [[3, "duplicate", "duplicate_in_file"]]);
      const second = await upload(
        "deu",
        "source=standard&fileName=case-2.csv",
        HEAD + `R1-001,${deu[1]},10.00,2026-11-25,\n`,
      );
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.deepEqual(reasons(second.body), [[2, "duplicate", "duplicate_posted"]]);
      assert.equal((await ledger("standard:r1-001")).length, 1, "posted once");
    });

    test("a number written without its leading zeros matches where the provider's numbers are zero-padded digits", async () => {
      assert.match(gas[0]!, /^0+[1-9]\d*$/, "the demo's gas accounts are ten zero-padded digits");
      const short = gas[0]!.replace(/^0+/, "");
      const gasFile = await upload(
        "donetskoblgaz",
        "source=standard&fileName=gas.csv",
        HEAD + `ZP-1,${short},55.00,2026-11-25,gas\nZP-2,0${short},56.00,2026-11-25,\n`,
      );
      assert.equal(gasFile.status, 201, JSON.stringify(gasFile.body));
      assert.deepEqual([gasFile.body.posted, gasFile.body.problems], [2, []]);
      assert.deepEqual(await ledger("standard:ZP-1"), [{ account: gas[0], kop: -5500, service: "gas" }]);
      // Mariupol's water utility prints "ВК0000123": not digits alone, so nothing is padded there.
      assert.match(water[0]!, /^ВК0+[1-9]\d*$/);
      const digits = water[0]!.replace(/^ВК0+/, "");
      const waterFile = await upload(
        "mariupol-vkg",
        "source=standard&fileName=water-digits.csv",
        HEAD + `ZP-3,${digits},57.00,2026-11-25,\nZP-4,вк${digits.padStart(7, "0")},58.00,2026-11-25,\n`,
      );
      assert.deepEqual(reasons(waterFile.body), [[2, "unmatched", "account_unknown"]]);
    });

    test("a day or month written without its leading zero is a date", async () => {
      const bank =
        "Номер документа;Дата оплати;Особовий рахунок;Платник;Сума;ЄДРПОУ отримувача;Рахунок отримувача;Період;Послуга\n";
      const r = await upload(
        "deu",
        "source=demo-bank&encoding=utf-8&fileName=dates.csv",
        bank +
          `ДТ-1;4.11.2026;${deu[0]};Шевченко;10,00;;;;\n` +
          `ДТ-2;04.1.2026 09:15;${deu[0]};Шевченко;11,00;;;;\n` +
          `ДТ-3;4.13.2026;${deu[0]};Шевченко;12,00;;;;\n`,
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(reasons(r.body), [[4, "malformed", "paid_on_invalid"]]);
      const { rows } = await sql<{ entry_date: string }>`
        select entry_date from ledger_entries where source_ref in ('demo-bank:ДТ-1', 'demo-bank:ДТ-2')
        order by source_ref`.execute(get().database.db);
      assert.deepEqual(
        rows.map((x) => x.entry_date),
        ["2026-11-04", "2026-01-04"],
      );
    });

    test("a source set to skip a preamble and a totals line reads such a file; without it the file is refused", async () => {
      const file =
        "АТ «Демо Банк». Реєстр платежів за 25.11.2026\n" +
        "Отримувач: ТОВ «Донецькі енергетичні послуги»\n" +
        "reference,account,amount,paid_on\n" +
        `PT-1,${deu[0]},20.00,2026-11-25\n` +
        "\n" +
        `PT-2,${deu[1]},30.00,2026-11-25\n` +
        "Всього,2,50.00,\n" +
        "\n";
      const plain = await upload("deu", "source=standard&fileName=preamble.csv", file);
      assert.equal(plain.status, 422);
      assert.equal(plain.body.error.code, "registry_header_invalid");

      await saveRegistrySource(get().deps, {
        name: "bank-with-totals",
        encoding: "utf-8",
        skipFirstLines: 2,
        skipLastLines: 1,
        columns: { reference: "reference", account: "account", amount: "amount", paid_on: "paid_on" },
      });
      const r = await upload("deu", "source=bank-with-totals&fileName=preamble.csv", file);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(
        [r.body.lines, r.body.posted, r.body.postedKop, r.body.blankLines, r.body.problems],
        [2, 2, 5000, 2, []],
      );
      assert.deepEqual(r.body.skippedLines, [
        { line: 1, raw: "АТ «Демо Банк». Реєстр платежів за 25.11.2026" },
        { line: 2, raw: "Отримувач: ТОВ «Донецькі енергетичні послуги»" },
        { line: 7, raw: "Всього,2,50.00," },
      ]);
      const { rows } = await sql<{ line_no: number }>`
        select line_no from registry_lines where registry_id = ${r.body.registryId} order by line_no`.execute(
        get().database.db,
      );
      assert.deepEqual(
        rows.map((x) => x.line_no),
        [4, 6],
        "lines keep the file's numbering",
      );
    });

    test("a source name that cannot be one is refused with the usual body (control characters by the input guard), and nothing is written", async () => {
      const before = await get().database.db.selectFrom("payment_registries").select("id").execute();
      // NUL and other control characters never reach the import: the input guard refuses them, naming the field.
      for (const source of ["%00", "stan%00dard", "stand%07ard"]) {
        const r = await upload("deu", `source=${source}`, `${HEAD}N-1,${deu[0]},1.00,2026-11-25,\n`);
        assert.equal(r.status, 400, `${source}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, "validation_failed");
        assert.equal(r.body.error.details.field, "source");
        assert.ok(!r.body.error.message.includes("\u0000"), "the message does not echo the NUL byte");
      }
      // Names that are no source's (a line break, a zero-width space, too long): unknown, the known ones listed.
      for (const source of ["stand%0Aard", "%E2%80%8Bstandard", "x".repeat(40)]) {
        const r = await upload("deu", `source=${source}`, `${HEAD}N-1,${deu[0]},1.00,2026-11-25,\n`);
        assert.equal(r.status, 404, `${source}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, "registry_source_unknown");
        assert.match(r.body.error.message, /Known sources: .*standard/);
      }
      const named = await upload(
        "deu",
        "source=standard&fileName=a%00b%0A.csv",
        `${HEAD}N-2,${deu[0]},1.00,2026-11-25,\n`,
      );
      assert.equal(named.status, 400, JSON.stringify(named.body));
      assert.equal(named.body.error.details.field, "fileName");
      const after = await get().database.db.selectFrom("payment_registries").select("id").execute();
      assert.equal(after.length, before.length);
    });
  },
  async ({ database }) => {
    await seedRegion(database, { accounts: 60, seed: 42, asOf: "2026-11-25" });
  },
);
