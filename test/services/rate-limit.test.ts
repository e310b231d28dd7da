// Rate-limit counters in the database: fixed windows moved by the deps clock, and one atomic upsert per hit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hit, purgeExpired, reset } from "../../src/services/rate-limit.ts";
import { forEachDatabase } from "../support/databases.ts";

forEachDatabase("rate limits", (get, engine) => {
  test("counts hits in a window, refuses past the limit, and starts over when the window ends", async () => {
    const { deps, setNow } = get();
    const limit = { limit: 3, windowSeconds: 60 };
    setNow("2026-11-25T10:00:00Z");
    const first = await hit(deps, "t:window", limit);
    assert.deepEqual(first, { allowed: true, remaining: 2, retryAfterSeconds: 0, hits: 1 });
    assert.equal((await hit(deps, "t:window", limit)).remaining, 1);
    setNow("2026-11-25T10:00:20Z");
    assert.deepEqual(await hit(deps, "t:window", limit), {
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
      hits: 3,
    });
    // The window started at the first hit and does not move with later ones.
    assert.deepEqual(await hit(deps, "t:window", limit), {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 40,
      hits: 4,
    });
    setNow("2026-11-25T10:00:59.500Z");
    const last = await hit(deps, "t:window", limit);
    assert.equal(last.allowed, false);
    assert.equal(last.retryAfterSeconds, 1);
    setNow("2026-11-25T10:01:00Z");
    assert.deepEqual(await hit(deps, "t:window", limit), {
      allowed: true,
      remaining: 2,
      retryAfterSeconds: 0,
      hits: 1,
    });
    // Other buckets are counted apart.
    assert.equal((await hit(deps, "t:other", limit)).hits, 1);
  });

  test("reset forgets a bucket; purgeExpired deletes only ended windows", async () => {
    const { deps, setNow, database } = get();
    const limit = { limit: 1, windowSeconds: 60 };
    setNow("2026-11-26T10:00:00Z");
    await hit(deps, "t:reset", limit);
    assert.equal((await hit(deps, "t:reset", limit)).allowed, false);
    await reset(deps, "t:reset");
    assert.equal((await hit(deps, "t:reset", limit)).allowed, true);

    await hit(deps, "t:long", { limit: 1, windowSeconds: 3600 });
    setNow("2026-11-26T10:05:00Z");
    assert.ok((await purgeExpired(deps)) >= 1);
    const left = await database.db.selectFrom("rate_limits").select("bucket").execute();
    assert.ok(left.some((r) => r.bucket === "t:long"));
    assert.ok(!left.some((r) => r.bucket === "t:reset"));
  });

  test("counts inside a caller's transaction, and rolls back with it", async () => {
    const { deps, setNow, database } = get();
    setNow("2026-11-27T10:00:00Z");
    const limit = { limit: 5, windowSeconds: 60 };
    await database.db
      .transaction()
      .execute(async (trx) => {
        assert.equal((await hit(deps, "t:trx", { ...limit, trx })).hits, 1);
        throw new Error("roll back");
      })
      .catch(() => {});
    assert.equal((await hit(deps, "t:trx", limit)).hits, 1);
  });

  test(`20 parallel hits with a limit of 10 let exactly 10 through (${engine})`, async () => {
    const { deps, setNow } = get();
    setNow("2026-11-28T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hit(deps, "t:parallel", { limit: 10, windowSeconds: 60 })),
    );
    assert.equal(results.filter((r) => r.allowed).length, 10);
    // Every hit saw its own count: no two read the same row state.
    assert.deepEqual(
      results.map((r) => r.hits).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});
