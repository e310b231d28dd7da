// `abonent serve` as `npm start` runs it: a real process on a real port, the demo region loaded on first
// start, /health answering, the job scheduler running, one human "ready" line, and a clean exit on SIGTERM.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { AudioSocketCaller } from "../support/audiosocket-caller.ts";
import { BIN, type Run } from "../support/cli.ts";
import { freePort } from "../support/free-port.ts";
import { startServe } from "../support/serve-process.ts";

const scratch = mkdtempSync(join(tmpdir(), "abonent-serve-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const readyLines = (stdout: string) => stdout.match(/^Abonent is ready at .*$/gm) ?? [];

function abonent(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
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

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("serve loads the demo region into an empty embedded database, reports health, and stops on SIGTERM", async () => {
  const dataDir = join(scratch, "demo");
  const server = await startServe({ DATA_DIR: dataDir, DEMO_ACCOUNTS: "40" });
  try {
    // A second `npm start` while the first is still loading the demo region is refused, and the first goes on.
    await until(() => existsSync(join(dataDir, "pglite.lock")), "the first server's lock");
    const second = await abonent(["serve"], { DATA_DIR: dataDir, PORT: "1", LOG_LEVEL: "silent" });
    assert.equal(second.code, 75, second.stderr);
    assert.match(second.stderr, new RegExp(`in use by process ${server.pid} \\(abonent serve, since `));
    assert.doesNotMatch(second.stderr + second.stdout, /loading the demo region failed|Aborted/);

    // Once ready, one human line on stdout: the address and the demo sign-ins; /health answers by then.
    await until(() => readyLines(server.stdout()).length > 0, "the ready line", 240_000);
    const res = await fetch(`${server.base}/health`);
    assert.equal(res.status, 200, server.output());
    assert.deepEqual(readyLines(server.stdout()), [
      `Abonent is ready at ${server.base} — sign in as resident@demo.abonent.ua / demo-password-2019 ` +
        "(also operator@deu.demo.abonent.ua, admin@deu.demo.abonent.ua, platform@demo.abonent.ua)",
    ]);
    const body = (await res.json()) as {
      status: string;
      database: { engine: string };
      demoRegion: { accounts: number };
    };
    assert.equal(body.status, "ok");
    assert.equal(body.database.engine, "pglite");
    assert.equal(body.demoRegion.accounts, 40);
    // Structured JSON logs: every line after the demo load parses.
    const jsonLines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"));
    assert.ok(jsonLines.length > 0);
    for (const line of jsonLines) assert.equal(typeof JSON.parse(line).level, "number");
    // The scheduled jobs start with the server: one billing queue per provider of the demo region.
    const started = jsonLines.map((l) => JSON.parse(l)).find((l) => l.msg === "billing scheduler started");
    assert.equal(started?.queues, 8, server.output());
  } finally {
    server.child.kill("SIGTERM");
  }
  assert.equal(await server.exited, 0, server.output());
  assert.match(server.output(), /shutting down/);
});

test("without the demo region the ready line gives the address alone", async () => {
  const server = await startServe({ DATA_DIR: join(scratch, "empty"), DEMO: "off" });
  try {
    await until(() => readyLines(server.stdout()).length > 0, "the ready line", 240_000);
    assert.deepEqual(readyLines(server.stdout()), [`Abonent is ready at ${server.base}`]);
  } finally {
    server.child.kill("SIGTERM");
  }
  assert.equal(await server.exited, 0, server.output());
});

test("with VOICE_PORT the server also takes the PBX's calls: AudioSocket, and the dialplan's routes", async () => {
  const voicePort = await freePort();
  const key = "serve-test-pbx-key-0123";
  const server = await startServe({
    DATA_DIR: join(scratch, "voice"),
    DEMO: "off",
    VOICE_PORT: String(voicePort),
    VOICE_HOST: "127.0.0.1",
    VOICE_PBX_KEY: key,
  });
  try {
    await until(() => readyLines(server.stdout()).length > 0, "the ready line", 240_000);
    const callId = randomUUID();
    // Nobody's line (no provider announced, no VOICE_PROVIDER): the caller is told so, and the bot hangs up.
    const caller = await AudioSocketCaller.connect({ port: voicePort, uuid: callId });
    await caller.closed;
    assert.ok(caller.botHungUp && caller.heardMs() > 1000, server.output());
    const next = await fetch(`${server.base}/voice/calls/${callId}/next?key=${key}`);
    assert.equal(next.status, 200);
    assert.equal(await next.text(), "hangup");
    assert.equal(
      (await fetch(`${server.base}/voice/calls/${callId}/next?key=wrong-key-00000000`)).status,
      401,
    );
  } finally {
    server.child.kill("SIGTERM");
  }
  assert.equal(await server.exited, 0, server.output());
});
