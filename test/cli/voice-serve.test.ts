// `abonent voice serve --port N` as a process: the voice bot alone, on the configured database (migrated first),
// answering a PBX's AudioSocket call and recording it. A call nobody announced, with no VOICE_PROVIDER, is told the
// line is not set up — the one answer that does not depend on today's hours.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { AudioSocketCaller } from "../support/audiosocket-caller.ts";
import { BIN, cliTargets } from "../support/cli.ts";

for (const target of cliTargets("voice-serve")) {
  describe(`abonent voice serve [${target.name}]`, () => {
    before(() => target.prepare());
    after(() => target.dispose());

    it("listens on the port it is given, takes a call and records it", async () => {
      const child = spawn(process.execPath, [BIN, "voice", "serve", "--port", "0"], {
        env: { ...process.env, LOG_LEVEL: "silent", ...target.env, VOICE_PROVIDER: "" },
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /voice bot listening on port (\d+) \(speech: none, keypad only\)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.on("exit", () => reject(new Error(`voice serve exited: ${stderr}`)));
      });
      const callId = randomUUID();
      const caller = await AudioSocketCaller.connect({ port, uuid: callId });
      await caller.closed;
      assert.ok(caller.botHungUp, "the bot hung up after speaking");
      assert.ok(caller.heardMs() > 1000, `the caller heard the bot (${caller.heardMs()} ms)`);
      child.kill("SIGTERM");
      assert.equal(await exited, 0, stderr);
      const record = await target.read((db) =>
        db.db.selectFrom("voice_calls").selectAll().where("id", "=", callId).executeTakeFirstOrThrow(),
      );
      assert.equal(record.outcome, "failed");
      assert.equal(record.provider_id, null);
      assert.equal(record.sample_rate, 8000);
    });

    it("refuses to start without a port", async () => {
      const run = await target.run(["voice", "serve"], { VOICE_PORT: "" });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--port/);
    });
  });
}
