// The hourly housekeeping job deletes sessions past their lifetime and rate-limit windows that have ended, and
// nothing that is still live.
import assert from "node:assert/strict";
import { test } from "node:test";
import pino from "pino";
import { housekeepingHandler } from "../../src/jobs/housekeeping-job.ts";
import { forEachDatabase } from "../support/databases.ts";

const NOW = new Date("2026-11-29T10:00:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3600_000);

forEachDatabase("housekeeping job", (get) => {
  test("expired sessions and ended rate-limit windows go; live ones stay", async () => {
    const { database, deps, setNow } = get();
    const { db } = database;
    setNow(NOW);
    const user = await db
      .insertInto("users")
      .values({ email: "housekeeping@example.org", full_name: "Тест" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("sessions")
      .values([
        { token_hash: "a".repeat(64), user_id: user.id, created_at: hours(-800), expires_at: hours(-1) },
        { token_hash: "b".repeat(64), user_id: user.id, created_at: hours(-2), expires_at: hours(700) },
      ])
      .execute();
    await db
      .insertInto("rate_limits")
      .values([
        { bucket: "login:ended", hits: 3, window_ends_at: hours(-0.5) },
        { bucket: "login:live", hits: 1, window_ends_at: hours(0.5) },
      ])
      .execute();
    const result = await housekeepingHandler(deps, pino({ level: "silent" }))();
    assert.deepEqual(result, { sessions: 1, rateLimits: 1 });
    const sessions = await db.selectFrom("sessions").select("token_hash").execute();
    assert.deepEqual(
      sessions.map((s) => s.token_hash),
      ["b".repeat(64)],
    );
    const limits = await db.selectFrom("rate_limits").select("bucket").execute();
    assert.deepEqual(
      limits.map((l) => l.bucket),
      ["login:live"],
    );
    assert.deepEqual(await housekeepingHandler(deps, pino({ level: "silent" }))(), {
      sessions: 0,
      rateLimits: 0,
    });
  });
});
