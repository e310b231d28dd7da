// `abonent import payments` and `abonent registry-source` as an operator runs them: real processes on a small
// region, the report on stdout, the exit codes of an imported, a repeated and a refused file, and the database read
// back between runs.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import iconv from "iconv-lite";
import { sql } from "kysely";
import { migrate } from "../../src/db/migrate.ts";
import { cliTargets } from "../support/cli.ts";
import { registryRegion } from "../support/registry-region.ts";

const FIXTURES = new URL("../fixtures/registries/", import.meta.url).pathname;

const workDir = mkdtempSync(join(tmpdir(), "abonent-import-"));
after(() => rmSync(workDir, { recursive: true, force: true }));

for (const target of cliTargets("import")) {
  describe(`abonent import payments [${target.name}]`, () => {
    const abonent = (args: string[]) => target.run(args);
    const read = target.read;
    const totals = () =>
      read(async ({ db }) => {
        const { rows } = await sql<{ registries: number; lines: number; entries: number; kop: number }>`
          select (select count(*)::int from payment_registries) as registries,
                 (select count(*)::int from registry_lines) as lines,
                 (select count(*)::int from ledger_entries where source = 'bank_registry') as entries,
                 (select coalesce(-sum(amount_kop), 0)::int8 from ledger_entries where source = 'bank_registry') as kop
        `.execute(db);
        return rows[0]!;
      });

    before(async () => {
      await target.prepare();
      await read(async (database) => {
        await migrate(database);
        await registryRegion(database);
      });
    });
    after(() => target.dispose());

    test("the cp1251 bank file: exit 0, a report with a table of the lines not posted, the ledger as reported", async () => {
      const run = await abonent([
        "import",
        "payments",
        join(FIXTURES, "demo-bank-2026-11-04.csv"),
        "--source",
        "demo-bank",
        "--lang",
        "uk",
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(
        run.stdout,
        /^demo-bank-2026-11-04\.csv from demo-bank: registry \d+, Windows-1251 \(configured\)/,
      );
      assert.match(run.stdout, /posted +3 +1\s460,06\sгрн/);
      assert.match(run.stdout, /duplicates +1\n +unmatched +1\n +malformed +1/);
      assert.match(run.stdout, /Lines not posted \(3\)/);
      assert.match(
        run.stdout,
        /\n +4 +unmatched +account_unknown +ПН-1003 +200,00\sгрн +Особового рахунку «ВК-777»/,
      );
      assert.match(run.stdout, /\n +5 +malformed +amount_malformed +ПН-1004 +Сума «сто гривень» не є числом/);
      assert.match(
        run.stdout,
        /\n +6 +duplicate +duplicate_in_file +ПН-1002 +150,50\sгрн +Платіж «ПН-1002» уже є/,
      );
      assert.deepEqual(await totals(), { registries: 1, lines: 6, entries: 3, kop: 146006 });
    });

    test("the same file again exits 6 and imports nothing; --again imports it with every line a duplicate", async () => {
      const file = join(FIXTURES, "demo-bank-2026-11-04.csv");
      const repeat = await abonent(["import", "payments", file, "--source", "demo-bank", "--json"]);
      assert.equal(repeat.code, 6, repeat.stderr);
      assert.match(repeat.stderr, /already imported from source "demo-bank"/);
      assert.equal(JSON.parse(repeat.stdout).error.code, "registry_already_imported");
      assert.deepEqual(await totals(), { registries: 1, lines: 6, entries: 3, kop: 146006 });

      const again = await abonent(["import", "payments", file, "--source", "demo-bank", "--again", "--json"]);
      assert.equal(again.code, 0, again.stderr);
      const r = JSON.parse(again.stdout);
      assert.deepEqual([r.lines, r.posted, r.duplicates, r.unmatched, r.malformed], [6, 0, 4, 1, 1]);
      assert.equal(r.postedUah, "0.00");
      assert.deepEqual(await totals(), { registries: 2, lines: 12, entries: 3, kop: 146006 });
    });

    test("a refused file exits 5 with the reason and writes nothing; usage mistakes exit 2", async () => {
      const cp1251 = join(workDir, `cp1251-${target.name}.csv`);
      writeFileSync(
        cp1251,
        iconv.encode(
          "reference,account,amount,paid_on,provider_edrpou\nЖ-1,T-1,1.00,2026-11-04,42350012\n",
          "win1251",
        ),
      );
      const wrong = await abonent(["import", "payments", cp1251, "--source", "standard"]);
      assert.equal(wrong.code, 5);
      assert.match(
        wrong.stderr,
        /is not in utf-8, which source "standard" expects: line 2 is in windows-1251/,
      );
      const noAmount = join(workDir, `header-${target.name}.csv`);
      writeFileSync(noAmount, "reference,account,paid_on,provider_edrpou\nX-1,T-1,2026-11-04,42350012\n");
      const header = await abonent(["import", "payments", noAmount, "--source", "standard", "--lang", "ru"]);
      assert.equal(header.code, 5);
      assert.match(header.stderr, /нет столбцов, нужных источнику «standard»: amount \("amount"\)/);
      assert.deepEqual(await totals(), { registries: 2, lines: 12, entries: 3, kop: 146006 });

      const forced = await abonent([
        "import",
        "payments",
        cp1251,
        "--source",
        "standard",
        "--encoding",
        "windows-1251",
      ]);
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stdout, /Windows-1251 \(configured\)\n +lines +1\n +posted +1/);

      const unknown = await abonent(["import", "payments", cp1251, "--source", "no-such"]);
      assert.equal(unknown.code, 2);
      assert.match(
        unknown.stderr,
        /--source: There is no registry source "no-such"\. Known sources: demo-bank, standard\./,
      );
      const missing = await abonent([
        "import",
        "payments",
        join(workDir, "none.csv"),
        "--source",
        "standard",
      ]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /none\.csv: cannot read the file \(ENOENT\)/);
      const help = await abonent(["import", "payments", "--help"]);
      assert.equal(help.code, 0);
      assert.match(
        help.stdout,
        /Exit codes:[\s\S]*5 +the file was refused[\s\S]*6 +this file was already imported/,
      );
    });

    test("registry-source set configures a bank's format, and a file in it imports for the source's provider", async () => {
      const set = await abonent([
        "registry-source",
        "set",
        "oschad-deu",
        "--provider",
        "deu",
        "--encoding",
        "auto",
        "--delimiter",
        "tab",
        "--decimal-separator",
        ",",
        "--date-format",
        "DD/MM/YYYY",
        "--no-header",
        "--column",
        "reference=1",
        "--column",
        "paid_on=2",
        "--column",
        "account=3",
        "--column",
        "amount=5",
      ]);
      assert.equal(set.code, 0, set.stderr);
      assert.match(
        set.stdout,
        /^created oschad-deu\n +provider: deu; encoding auto; delimiter tab; decimal ,; dates DD\/MM\/YYYY; no header row/,
      );
      assert.match(set.stdout, /columns: reference=1 account=3 amount=5 paid_on=2$/m);
      const bad = await abonent([
        "registry-source",
        "set",
        "oschad-deu",
        "--header",
        "--column",
        "amount=Сума",
        "--no-header",
      ]);
      assert.equal(bad.code, 2);
      assert.match(
        bad.stderr,
        /amount: a file without a header row names its columns by position, not "Сума"/,
      );
      const field = await abonent(["registry-source", "set", "oschad-deu", "--column", "sum=5"]);
      assert.equal(field.code, 2);
      assert.match(field.stderr, /expected FIELD=COLUMN/);

      const file = join(workDir, `oschad-${target.name}.tsv`);
      writeFileSync(
        file,
        "OS-1\t04/11/2026\tT-3\tСидоренко\t25,00\nOS-2\t04/11/2026\tT-4\tВода Чужа\t10,00\n",
      );
      const run = await abonent(["import", "payments", file, "--source", "oschad-deu", "--json"]);
      assert.equal(run.code, 0, run.stderr);
      const r = JSON.parse(run.stdout);
      assert.deepEqual(
        [r.encoding, r.encodingDetected, r.posted, r.postedKop, r.unmatched],
        ["utf-8", true, 1, 2500, 1],
      );
      assert.equal(r.problems[0].reason, "account_unknown", "T-4 is voda's, not deu's");
      const list = await abonent(["registry-source", "list"]);
      assert.match(list.stdout, /^oschad-deu\n/m);
      assert.match(list.stdout, /^standard — /m);
    });

    test("registry-source set: an amount limit and lines to skip at the top and the bottom, as the import then applies them", async () => {
      const set = await abonent([
        "registry-source",
        "set",
        "privat-deu",
        "--provider",
        "deu",
        "--encoding",
        "utf-8",
        "--delimiter",
        ";",
        "--decimal-separator",
        ",",
        "--date-format",
        "DD.MM.YYYY",
        "--max-amount",
        "5 000",
        "--skip-first",
        "2",
        "--skip-last",
        "1",
        "--column",
        "reference=Референс",
        "--column",
        "account=Рахунок",
        "--column",
        "amount=Сума",
        "--column",
        "paid_on=Дата",
      ]);
      assert.equal(set.code, 0, set.stderr);
      assert.match(
        set.stdout,
        /\n +at most UAH\s5,000\.00 a line; skip 2 line\(s\) at the top; skip 1 line\(s\) at the bottom\n/,
      );
      for (const [option, value] of [
        ["--max-amount", "0"],
        ["--max-amount", "сто"],
        ["--skip-first", "101"],
        ["--skip-last", "-1"],
      ] as const) {
        const bad = await abonent(["registry-source", "set", "privat-deu", option, value]);
        assert.equal(bad.code, 2, `${option} ${value}: ${bad.stdout}`);
      }

      const file = join(workDir, `privat-${target.name}.csv`);
      writeFileSync(
        file,
        "ПриватБанк. Реєстр платежів\n" +
          "за 4.11.2026; отримувач ТОВ «ДЕП»\n" +
          "Референс;Дата;Рахунок;Сума\n" +
          "P-1;4.11.2026;T-1;5 000,00\n" +
          "P-2;4.11.2026;T-2;5 000,01\n" +
          "Разом;;;10 000,01\n",
      );
      const run = await abonent(["import", "payments", file, "--source", "privat-deu"]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /\n +lines +2\n +posted +1 +UAH\s5,000\.00\n/);
      assert.match(run.stdout, /\(line 1 skipped, as the source says: ПриватБанк\. Реєстр платежів\)/);
      assert.match(run.stdout, /\(line 6 skipped, as the source says: Разом;;;10 000,01\)/);
      assert.match(
        run.stdout,
        /\n +5 +malformed +amount_too_large +P-2 +The amount "5 000,01" is above 5000\.00 UAH, the largest payment this source may bring/,
      );
    });
  });
}
