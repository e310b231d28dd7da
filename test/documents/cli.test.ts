// `abonent document bill|statement` as real processes on a billed region: the files they write, read back with
// pdftotext, and the exit codes of mistakes (an unknown account, a month never billed: no file left behind).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Database, openDatabase } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { postgresUrl } from "../support/databases.ts";
import { buildDocumentsRegion, SINGLE_NUMBER } from "../support/documents-region.ts";
import { lineWith, pdfText } from "../support/pdf.ts";

const BIN = new URL("../../bin/abonent.js", import.meta.url).pathname;

interface Target {
  name: string;
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

function pgliteTarget(dir: string): Target {
  return {
    name: "pglite",
    env: { DATABASE_URL: "", DATA_DIR: dir },
    open: () => openDatabase({ pgliteDir: join(dir, "pglite") }),
    dispose: async () => {},
  };
}

function postgresTarget(url: string): Target {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      await db.exec(statement);
    } finally {
      await db.close();
    }
  };
  return {
    name: "postgres",
    env: {
      DATABASE_URL: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
    open: async () => {
      await admin(`create schema if not exists ${schema}`);
      return openDatabase({ databaseUrl: url, searchPath: schema, poolSize: 10 });
    },
    dispose: () => admin(`drop schema if exists ${schema} cascade`),
  };
}

const dir = mkdtempSync(join(tmpdir(), "abonent-documents-"));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const target of [
  pgliteTarget(join(dir, "data")),
  ...(postgresUrl ? [postgresTarget(postgresUrl)] : []),
]) {
  describe(`abonent document [${target.name}]`, () => {
    const out = (name: string) => join(dir, `${target.name}-${name}`);
    const abonent = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], {
          env: { ...process.env, LOG_LEVEL: "silent", ...target.env },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (code) => resolve({ code, stdout, stderr }));
      });

    before(async () => {
      const database = await target.open();
      try {
        await migrate(database);
        await buildDocumentsRegion(database);
      } finally {
        await database.close();
      }
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
