// `abonent voice parse` as real processes: readings and account numbers by argument and by stdin (without the
// database), settlements against the demo region's reference data in the database.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { after, before, describe, test } from "node:test";
import { migrate } from "../../src/db/migrate.ts";
import { loadReference } from "../../src/demo/load-reference.ts";
import { BIN, type CliTarget, cliTargets, type Run } from "../support/cli.ts";

/** Runs `abonent ARGS…` with `input` on its stdin. */
function runWithInput(target: CliTarget, args: string[], input: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", ...target.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

for (const target of cliTargets("voice-parse")) {
  describe(`abonent voice parse [${target.name}]`, () => {
    before(async () => {
      await target.prepare();
      await target.read(async (database) => {
        await migrate(database);
        await database.db.transaction().execute((trx) => loadReference(trx, "2026-11-25"));
      });
    });
    after(() => target.dispose());

    test("a reading and an account number given as arguments", async () => {
      const number = await target.run([
        "voice",
        "parse",
        "--lang",
        "uk",
        "--kind",
        "number",
        "дванадцять",
        "кома",
        "пʼять",
      ]);
      assert.equal(number.code, 0, number.stderr);
      assert.deepEqual(jsonLines(number.stdout), [
        { value: "12.5", heard: "12.5", text: "дванадцять кома пʼять" },
      ]);
      const account = await target.run([
        "voice",
        "parse",
        "--lang",
        "ru",
        "--kind",
        "account",
        "ка эр дефис нуль семь",
      ]);
      assert.equal(account.code, 0, account.stderr);
      assert.deepEqual(jsonLines(account.stdout), [
        { value: "KP07", heard: "КР-07", text: "ка эр дефис нуль семь" },
      ]);
      // Neither opens the database: one that cannot be reached changes nothing.
      const unreachable = await target.run(["voice", "parse", "--lang", "uk", "--kind", "account", "12"], {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      });
      assert.equal(unreachable.code, 0, unreachable.stderr);
      assert.equal(jsonLines(unreachable.stdout)[0]?.value, "12");
      const bad = await target.run(["voice", "parse", "--lang", "uk", "--kind", "number", "не знаю"]);
      assert.equal(bad.code, 0);
      const [line] = jsonLines(bad.stdout);
      assert.equal(line?.error, "not_a_number");
      assert.match(String(line?.reason), /not a number word: "не"/);
      assert.equal(line?.text, "не знаю");
    });

    test("stdin: one JSON line for each line, a bad one among them", async () => {
      const input = ["12 345.", "сто кома пʼять", "привіт", "", "нуль сім\r"].join("\n");
      const run = await runWithInput(target, ["voice", "parse", "--lang", "uk", "--kind", "number"], input);
      assert.equal(run.code, 0, run.stderr);
      const lines = jsonLines(run.stdout);
      assert.deepEqual(
        lines.map((l) => l.value ?? l.error),
        ["12345", "100.5", "not_a_number", "empty", "7"],
      );
      assert.equal(lines[2]?.text, "привіт");
      const accounts = await runWithInput(
        target,
        ["voice", "parse", "--lang", "uk", "--kind", "account"],
        "мій рахунок 12-345\nдефіс один\nа дріб один два\n",
      );
      assert.equal(accounts.code, 0, accounts.stderr);
      assert.deepEqual(
        jsonLines(accounts.stdout).map((l) => l.heard ?? l.error),
        ["12-345", "misplaced_separator", "А/12"],
      );
    });

    test("stdin streams: each line is answered before the next is sent", async () => {
      const child = spawn(process.execPath, [BIN, "voice", "parse", "--lang", "ru", "--kind", "number"], {
        env: { ...process.env, LOG_LEVEL: "silent", ...target.env },
      });
      const answers: string[] = [];
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (d: string) => answers.push(...d.trim().split("\n")));
      const answered = async (n: number) => {
        while (answers.length < n) await once(child.stdout, "data");
      };
      child.stdin.write("сто\n");
      await answered(1);
      child.stdin.write("двести\n");
      await answered(2);
      child.stdin.end();
      const [code] = await once(child, "exit");
      assert.equal(code, 0);
      assert.deepEqual(
        answers.map((a) => JSON.parse(a).value),
        ["100", "200"],
      );
    });

    test("settlements of the demo region from the database", async () => {
      const run = await runWithInput(
        target,
        ["voice", "parse", "--lang", "uk", "--kind", "settlement"],
        "Я живу в Добропіллі.\nгород Славянск\nиз Краматорска\nКиїв\nз Краматорська до Словʼянська\n",
      );
      assert.equal(run.code, 0, run.stderr);
      const ids = await target.read(async (database) =>
        Object.fromEntries(
          (await database.db.selectFrom("settlements").select(["code", "id"]).execute()).map((s) => [
            s.code,
            s.id,
          ]),
        ),
      );
      const lines = jsonLines(run.stdout);
      assert.deepEqual(
        lines.map((l) => l.value ?? l.error),
        [ids.dobropillia, ids.sloviansk, ids.kramatorsk, "not_recognised", "ambiguous"],
      );
      assert.equal(lines[0]?.heard, "Добропіллі");
      const byArgument = await target.run([
        "voice",
        "parse",
        "--lang",
        "ru",
        "--kind",
        "settlement",
        "из Мариуполя",
      ]);
      assert.equal(jsonLines(byArgument.stdout)[0]?.value, ids.mariupol);
    });

    test("a bad --lang or --kind is a usage error", async () => {
      const lang = await target.run(["voice", "parse", "--lang", "en", "--kind", "number", "12"]);
      assert.equal(lang.code, 2);
      assert.match(lang.stderr, /--lang.*Allowed choices are uk, ru/);
      const kind = await target.run(["voice", "parse", "--lang", "uk", "--kind", "street", "12"]);
      assert.equal(kind.code, 2);
      assert.match(kind.stderr, /--kind.*Allowed choices are number, account, settlement/);
      const missing = await target.run(["voice", "parse", "--kind", "number", "12"]);
      assert.equal(missing.code, 2);
    });
  });
}
