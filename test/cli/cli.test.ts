// The command line as a person uses it: real processes, real exit codes, real output.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";

const BIN = new URL("../../bin/abonent.js", import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function abonent(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("abonent CLI", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "abonent-cli-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test("--help lists the commands, and each command has its own help", async () => {
    const top = await abonent(["--help"]);
    assert.equal(top.code, 0);
    for (const cmd of ["serve", "migrate", "seed"]) assert.match(top.stdout, new RegExp(`\\b${cmd}\\b`));
    const seed = await abonent(["seed", "--help"]);
    assert.equal(seed.code, 0);
    assert.match(seed.stdout, /--accounts <n>/);
    assert.match(seed.stdout, /--as-of <date>/);
  });

  test("bad flags get a clear error and a non-zero exit", async () => {
    const letters = await abonent(["seed", "--accounts", "many"]);
    assert.notEqual(letters.code, 0);
    assert.match(letters.stderr, /--accounts.*expected a whole number from 10/);
    const date = await abonent(["seed", "--as-of", "2019-02-30"]);
    assert.notEqual(date.code, 0);
    assert.match(date.stderr, /expected a date as YYYY-MM-DD/);
    const unknown = await abonent(["seed", "--acounts", "5"]);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /unknown option '--acounts'/);
    const command = await abonent(["sed"]);
    assert.notEqual(command.code, 0);
    assert.match(command.stderr, /unknown command 'sed'/);
  });

  test("a bad configuration value is named at start-up", async () => {
    const run = await abonent(["migrate"], { PORT: "eighty", DATA_DIR: dataDir });
    assert.equal(run.code, 78);
    assert.match(run.stderr, /PORT: expected a whole number from 1 to 65535, got "eighty"/);
    const url = await abonent(["migrate"], { DATABASE_URL: "mysql://x" });
    assert.equal(url.code, 78);
    assert.match(url.stderr, /DATABASE_URL/);
  });

  test("migrate creates the embedded database under DATA_DIR, and a second run has nothing to do", async () => {
    const first = await abonent(["migrate"], { DATA_DIR: dataDir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /applied: 0001_reference\.sql/);
    const second = await abonent(["migrate"], { DATA_DIR: dataDir });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /the database is up to date/);
  });

  test("seed loads a small region with a progress report, and refuses a second region", async () => {
    const run = await abonent(["seed", "--accounts", "50", "--as-of", "2019-03-05"], { DATA_DIR: dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /demo region loaded in [\d.]+ s: 50 accounts/);
    assert.match(run.stderr, /50\/50 accounts/);
    // The history's last 6 months are billed for the 8 providers, 2018-09 to 2019-02; months before a provider's
    // first demo tariff (water, gas and heat start in January 2019) are left out. Then balances carried over and
    // payments.
    const billed = run.stdout.match(
      /history billed: 2018-09 to 2019-02, (\d+) runs, \d+\.\d\d UAH \((\d+) provider-months before their first tariff left out\); (\d+) balances carried over, (\d+) payments/,
    );
    assert.ok(billed, run.stdout);
    assert.equal(Number(billed[1]) + Number(billed[2]), 48);
    assert.ok(Number(billed[2]) > 0 && Number(billed[1]) >= 6);
    assert.ok(Number(billed[4]) > 50, "payments follow the bills");
    assert.match(run.stderr, /48\/48 provider-months/);
    const again = await abonent(["seed", "--accounts", "50"], { DATA_DIR: dataDir });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already holds providers/);
    const ifEmpty = await abonent(["seed", "--accounts", "50", "--if-empty"], { DATA_DIR: dataDir });
    assert.equal(ifEmpty.code, 0);
  });

  test("seed --reset replaces the region already there", async () => {
    const run = await abonent(["seed", "--accounts", "30", "--reset", "--as-of", "2019-08-05"], {
      DATA_DIR: dataDir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /demo region loaded in [\d.]+ s: 30 accounts/);
  });
});
