// The embedded database admits one process at a time. While `abonent serve` runs on a DATA_DIR, a second
// `npm start` and every command that opens the same directory are refused with exit code 75 and a message naming
// the holder; the server goes on unharmed. A holder killed with SIGKILL does not block the next start.
// PostgreSQL (DATABASE_URL) takes no such lock.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { BIN, cliTargets, type Run } from "../support/cli.ts";
import { postgresUrl } from "../support/databases.ts";
import { startServe } from "../support/serve-process.ts";

/** Runs `abonent ARGS…` to its end; one that is still running after a minute is killed (code null). */
function abonent(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", ...env },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const LOCKED = 75;

describe("the embedded database's single-process guard", () => {
  const scratch = mkdtempSync(join(tmpdir(), "abonent-lock-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("while serve runs, a second serve and every command on the same DATA_DIR are refused, naming it", async () => {
    const dataDir = join(scratch, "busy");
    const registry = join(scratch, "registry.csv");
    const pdf = join(scratch, "bill.pdf");
    writeFileSync(registry, "account;amount;date;reference\n10-000001/1;100.00;2026-11-03;R-1\n");
    const server = await startServe({ DATA_DIR: dataDir, DEMO: "off" });
    try {
      assert.equal((await server.waitForHealth()).status, 200, server.output());
      const env = { DATA_DIR: dataDir, DEMO: "off", PORT: "1" };
      const openers = [
        ["serve"],
        ["seed", "--accounts", "10"],
        ["bill", "--period", "2026-01"],
        ["document", "bill", "--account", "1", "--provider", "deu", "--period", "2026-01", "--out", pdf],
        ["import", "payments", registry, "--source", "standard"],
        ["schedule", "billing"],
      ];
      for (const args of openers) {
        const run = await abonent(args, env);
        const what = `abonent ${args.join(" ")}: ${run.stdout}${run.stderr}`;
        assert.equal(run.code, LOCKED, what);
        assert.match(
          run.stderr,
          new RegExp(
            `^abonent: the embedded database in \\S+/busy/pglite is in use by process ${server.pid} ` +
              "\\(abonent serve, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\); only one process",
          ),
          what,
        );
        assert.doesNotMatch(run.stderr, /Aborted|loading the demo region failed/, what);
      }
      assert.equal(existsSync(pdf), false);
      // The token in the lock file lets through only the holder's own child, not any process that reads it.
      const { token } = JSON.parse(readFileSync(join(dataDir, "pglite.lock"), "utf8")) as { token: string };
      const stranger = await abonent(["migrate"], { ...env, ABONENT_DATA_LOCK: token });
      assert.equal(stranger.code, LOCKED, stranger.stderr);
      // The server was not disturbed.
      const health = await server.waitForHealth();
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, "ok");
    } finally {
      server.child.kill("SIGTERM");
    }
    assert.equal(await server.exited, 0, server.output());
    // A clean stop gives the lock back: the next command opens the directory.
    assert.equal(existsSync(join(dataDir, "pglite.lock")), false);
    const next = await abonent(["migrate"], { DATA_DIR: dataDir });
    assert.equal(next.code, 0, next.stderr);
  });

  test("a server killed with SIGKILL leaves a stale lock that the next start takes over", async () => {
    const dataDir = join(scratch, "killed");
    const first = await startServe({ DATA_DIR: dataDir, DEMO: "off" });
    assert.equal((await first.waitForHealth()).status, 200, first.output());
    first.child.kill("SIGKILL");
    assert.equal(await first.exited, null);
    const stale = JSON.parse(readFileSync(join(dataDir, "pglite.lock"), "utf8")) as { pid: number };
    assert.equal(stale.pid, first.pid, "the killed server's lock is left behind");

    const second = await startServe({ DATA_DIR: dataDir, DEMO: "off" });
    try {
      const health = await second.waitForHealth();
      assert.equal(health.status, 200, second.output());
      const holder = JSON.parse(readFileSync(join(dataDir, "pglite.lock"), "utf8")) as { pid: number };
      assert.equal(holder.pid, second.pid);
    } finally {
      second.child.kill("SIGTERM");
    }
    assert.equal(await second.exited, 0, second.output());
  });

  test("a lock naming a live pid that started at another time (a reused pid) is taken over", {
    skip: existsSync("/proc/self/stat") ? false : "no /proc",
  }, async () => {
    const dataDir = join(scratch, "reused");
    mkdirSync(dataDir, { recursive: true });
    const stat = readFileSync("/proc/self/stat", "utf8");
    const started = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
    const lock = (startedAt: string) =>
      writeFileSync(
        join(dataDir, "pglite.lock"),
        JSON.stringify({
          pid: process.pid,
          command: "old",
          since: "2020-01-01T00:00:00Z",
          token: "t",
          started: startedAt,
        }),
      );
    // This test's own process, as it is: alive, so refused.
    lock(started);
    const refused = await abonent(["migrate"], { DATA_DIR: dataDir });
    assert.equal(refused.code, LOCKED, refused.stderr);
    assert.match(
      refused.stderr,
      new RegExp(`in use by process ${process.pid} \\(old, since 2020-01-01T00:00:00Z\\)`),
    );
    // The same pid but another start time: the holder died and its pid went to someone else.
    lock(String(Number(started) - 1));
    const taken = await abonent(["migrate"], { DATA_DIR: dataDir });
    assert.equal(taken.code, 0, taken.stderr);
    assert.equal(existsSync(join(dataDir, "pglite.lock")), false);
  });

  test("on PostgreSQL the DATA_DIR is not locked: a command runs beside a server on the embedded one", {
    skip: postgresUrl ? false : "no TEST_DATABASE_URL",
  }, async () => {
    const dataDir = join(scratch, "beside");
    const targets = cliTargets("lock");
    const postgres = targets.find((t) => t.name === "postgres")!;
    await postgres.prepare();
    const server = await startServe({ DATA_DIR: dataDir, DEMO: "off" });
    try {
      assert.equal((await server.waitForHealth()).status, 200, server.output());
      const run = await abonent(["migrate"], { DATA_DIR: dataDir, ...postgres.env });
      assert.equal(run.code, 0, run.stderr);
    } finally {
      server.child.kill("SIGTERM");
      for (const target of targets) await target.dispose();
    }
    assert.equal(await server.exited, 0, server.output());
  });
});
