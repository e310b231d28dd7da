// `abonent serve` as `npm start` runs it: a real process on a real port, the demo region loaded on first
// start, /health answering, the job scheduler running, and a clean exit on SIGTERM.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { freePort } from "../support/free-port.ts";

const BIN = new URL("../../bin/abonent.js", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "abonent-serve-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitForHealth(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

test("serve loads the demo region into an empty embedded database, reports health, and stops on SIGTERM", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO_ACCOUNTS: "40",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stdout.on("data", (d) => (logs += d));
  child.stderr.on("data", (d) => (logs += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    const res = await waitForHealth(`http://127.0.0.1:${port}/health`, Date.now() + 120_000);
    assert.equal(res.status, 200, logs);
    const body = (await res.json()) as {
      status: string;
      database: { engine: string };
      demoRegion: { accounts: number };
    };
    assert.equal(body.status, "ok");
    assert.equal(body.database.engine, "pglite");
    assert.equal(body.demoRegion.accounts, 40);
    // Structured JSON logs: every line after the demo load parses.
    const jsonLines = logs.split("\n").filter((l) => l.startsWith("{"));
    assert.ok(jsonLines.length > 0);
    for (const line of jsonLines) assert.equal(typeof JSON.parse(line).level, "number");
    // The scheduled jobs start with the server: one billing queue per provider of the demo region.
    const started = jsonLines.map((l) => JSON.parse(l)).find((l) => l.msg === "billing scheduler started");
    assert.equal(started?.queues, 8, logs);
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(await exited, 0, logs);
  assert.match(logs, /shutting down/);
});
