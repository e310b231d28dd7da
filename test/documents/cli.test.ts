// `abonent document bill|statement` as real processes on a billed region: the files they write, read back with
// pdftotext, and the exit codes of mistakes (an unknown account, a month never billed: no file left behind).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { migrate } from "../../src/db/migrate.ts";
import { cliTargets } from "../support/cli.ts";
import { buildDocumentsRegion, SINGLE_NUMBER } from "../support/documents-region.ts";
import { lineWith, pdfText } from "../support/pdf.ts";

const dir = mkdtempSync(join(tmpdir(), "abonent-documents-"));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const target of cliTargets("documents")) {
  describe(`abonent document [${target.name}]`, () => {
    const out = (name: string) => join(dir, `${target.name}-${name}`);
    const abonent = (args: string[]) => target.run(args);

    before(async () => {
      await target.prepare();
      await target.read(async (database) => {
        await migrate(database);
        await buildDocumentsRegion(database);
      });
    });
    after(() => target.dispose());

    test("writes the bill: a PDF with the amount due, Russian on request", async () => {
      const file = out("bill.pdf");
      // The number as a person retypes it: spaces instead of the dash and slash find the same account.
      const run = await abonent([
        "document",
        "bill",
        "--account",
        "10 000123 4",
        "--provider",
        "power",
        "--period",
        "2019-07",
        "--out",
        file,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /bill 2019-07 of 10-000123\/4 \(power\), amount due UAH\u00A01\.00/);
      const pdf = readFileSync(file);
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
      const text = pdfText(pdf);
      assert.ok(lineWith(text, `Особовий рахунок: ${SINGLE_NUMBER}`));
      assert.ok(lineWith(text, "До сплати", "1,00"));

      const ru = await abonent([
        "document",
        "bill",
        "--account",
        SINGLE_NUMBER,
        "--provider",
        "power",
        "--period",
        "2019-06",
        "--lang",
        "ru",
        "--out",
        out("bill-ru.pdf"),
      ]);
      assert.equal(ru.code, 0, ru.stderr);
      const ruText = pdfText(readFileSync(out("bill-ru.pdf")));
      assert.match(ruText, /Счёт за июнь 2019/);
      assert.ok(lineWith(ruText, "К оплате", "342,00"));
    });

    test("writes the statement as PDF and as CSV", async () => {
      const pdf = await abonent([
        "document",
        "statement",
        "--account",
        SINGLE_NUMBER,
        "--provider",
        "power",
        "--from",
        "2019-06-01",
        "--to",
        "2019-08-31",
        "--out",
        out("statement.pdf"),
      ]);
      assert.equal(pdf.code, 0, pdf.stderr);
      assert.ok(lineWith(pdfText(readFileSync(out("statement.pdf"))), "Сальдо на кінець 31.08.2019", "1,00"));
      const csv = await abonent([
        "document",
        "statement",
        "--account",
        SINGLE_NUMBER,
        "--provider",
        "power",
        "--from",
        "2019-06-01",
        "--to",
        "2019-08-31",
        "--csv",
        "--out",
        out("statement.csv"),
      ]);
      assert.equal(csv.code, 0, csv.stderr);
      const lines = readFileSync(out("statement.csv"), "utf8").trim().split("\r\n");
      assert.equal(lines.at(-1), "2019-08-31,,,Усього,closing_total,,,,1.00");
    });

    test("mistakes exit 2 and leave no file: an unknown provider or account, a month never billed, a bad date", async () => {
      const cases = [
        [["--account", SINGLE_NUMBER, "--provider", "nobody", "--period", "2019-07"], /no provider "nobody"/],
        [
          ["--account", "99-999999/9", "--provider", "power", "--period", "2019-07"],
          /power has no account "99-999999\/9"/,
        ],
        [["--account", SINGLE_NUMBER, "--provider", "power", "--period", "2019-05"], /no such document/],
        [["--account", SINGLE_NUMBER, "--provider", "power", "--period", "2019-5"], /expected a month/],
      ] as const;
      for (const [args, message] of cases) {
        const file = out("missing.pdf");
        const run = await abonent(["document", "bill", ...args, "--out", file]);
        assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
        assert.match(run.stderr, message);
        assert.equal(existsSync(file), false);
        assert.equal(existsSync(`${file}.partial`), false);
      }
      const backwards = await abonent([
        "document",
        "statement",
        "--account",
        SINGLE_NUMBER,
        "--provider",
        "power",
        "--from",
        "2019-09-01",
        "--to",
        "2019-08-31",
        "--out",
        out("x.csv"),
        "--csv",
      ]);
      assert.equal(backwards.code, 2, backwards.stderr);
      assert.match(backwards.stderr, /from must not be after to/);
    });
  });
}
