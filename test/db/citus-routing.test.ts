// Every statement of the readings path names the shard keys of the account-keyed tables it touches, so that on
// Citus each goes to the one shard of its accounts (docs/scale-out.md). CI has no Citus, so the statements are
// recorded as they run on PGlite and PostgreSQL and read by the rule of db/citus/sql-rules.ts. A join condition
// alone does not route: the notification of a reading once joined the accounts and their people that way, and
// on a Citus cluster every submission then went to all 32 shards (10 readings a second).
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { unroutedTables } from "../../src/db/citus/sql-rules.ts";
import { makeDeps } from "../../src/services/deps.ts";
import { submitReading } from "../../src/services/readings/submit-reading.ts";
import { BOT_NOW, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import { registerTestPartner, signedCall } from "../support/partner-client.ts";
import { createReadingsFixture, type ReadingsFixture, userIdByEmail } from "../support/readings-fixture.ts";
import { recordStatements } from "../support/statement-log.ts";

test("the routing rule flags an account-keyed table reached by a join alone", () => {
  // The notification's recipients as they were: routed by nothing but the join to the unnested ids.
  assert.deepEqual(
    unroutedTables(`select ua.user_id from unnest($1::bigint[]) as s(account_id)
      join accounts a on a.id = s.account_id join user_accounts ua on ua.account_id = a.id`),
    ["accounts a", "user_accounts ua"],
  );
  assert.deepEqual(
    unroutedTables(`select * from "readings" where "account_id" = $1 and "meter_id" = $2`),
    [],
  );
  assert.deepEqual(
    unroutedTables(`update readings r set status = 'superseded' from unnest($1::bigint[]) as s(id)
      where r.id = s.id and r.account_id = any($2::bigint[])`),
    [],
  );
  // People and settings live on the coordinator: nothing to route.
  assert.deepEqual(unroutedTables("select * from users u join identities i on i.user_id = u.id"), []);
  // An insert's rows route themselves.
  assert.deepEqual(unroutedTables("insert into readings (account_id) values ($1)"), []);
});

forEachDatabase("a submission's statements each reach one shard", (get) => {
  let f: ReadingsFixture;
  let petro: number;

  before(async () => {
    const { db } = get().database;
    f = await createReadingsFixture(get().database);
    petro = await userIdByEmail(get().database, "petro@example.org");
    // Petro shares Olena's electricity account, so her reading is told to him: the notification's statement runs.
    await db
      .insertInto("user_accounts")
      .values({ account_id: f.accounts.olena, user_id: petro, provider_id: f.power })
      .execute();
  });

  test("two accounts' submissions in one batch, with a notification: every account-keyed table is named by its key", async () => {
    const { database } = get();
    const log = recordStatements(database);
    const deps = makeDeps(log.database, () => new Date("2019-07-30T12:00:00+03:00"));
    const olena = await userIdByEmail(database, "olena@example.org");
    const actor = { kind: "resident" as const, userId: olena, locale: "uk" as const };
    // Submitted together, they are stored by one batch (submission-batcher.ts).
    const [power, water] = await Promise.allSettled([
      submitReading(deps, {
        actor,
        channel: "web",
        accountId: f.accounts.olena,
        meterId: f.meters.single,
        values: [{ zone: 1, value: "12500" }],
      }),
      submitReading(deps, {
        actor,
        channel: "web",
        accountId: f.accounts.water,
        meterId: f.meters.water,
        values: [{ zone: 1, value: "103" }],
      }),
    ]);
    assert.ok(power.status === "fulfilled" && power.value.status === "accepted", JSON.stringify(power));
    assert.ok(water.status === "fulfilled" || water.reason instanceof Error);

    // The statements that ran: the context, the histories, the readings and their audit, the notification.
    const joined = log.statements.join("\n");
    assert.match(joined, /insert into "?readings"?/i);
    assert.match(joined, /insert into outbox/i, "the notification's statement ran");
    const told = await database.db
      .selectFrom("notifications")
      .select("template")
      .where("user_id", "=", petro)
      .execute();
    assert.deepEqual(
      told.map((n) => n.template),
      ["reading_accepted"],
    );
    for (const statement of log.statements) {
      assert.deepEqual(unroutedTables(statement), [], statement);
    }
  });
});

forEachDatabase("a partner's look-up and payment each reach their account's shard", (get) => {
  let region: BotRegion;

  before(async () => {
    region = await seedBotRegion(get());
  });

  test("the look-up (meters, last rejections) and the payment with its notification name their accounts' keys", async () => {
    const bank = await registerTestPartner(get().deps, {
      code: "routing-bank",
      name: "Банк",
      providers: ["deu"],
      maxPaymentKop: 1_000_000,
    });
    const log = recordStatements(get().database);
    const app = await quietApp(makeDeps(log.database, () => new Date(BOT_NOW)));
    try {
      const now = Math.floor(Date.parse(BOT_NOW) / 1000);
      const lookup = await signedCall(app, bank, {
        timestamp: now,
        method: "GET",
        path: `/api/partners/v1/accounts/lookup?provider=deu&account=${region.account.number}`,
      });
      assert.equal(lookup.statusCode, 200, lookup.body);
      const paid = await signedCall(app, bank, {
        timestamp: now + 1,
        method: "POST",
        path: "/api/partners/v1/payments",
        body: {
          txnId: "ROUTE-1",
          provider: "deu",
          account: region.account.number,
          amount: "10.00",
          paidAt: "2026-11-28T09:55:00+02:00",
        },
      });
      assert.equal(paid.statusCode, 201, paid.body);
    } finally {
      await app.close();
    }
    // The payment and its "payment received" were one statement.
    assert.ok(
      log.statements.some((s) => /insert into ledger_entries/i.test(s) && /insert into outbox/i.test(s)),
    );
    for (const statement of log.statements) {
      assert.deepEqual(unroutedTables(statement), [], statement);
    }
  });
});
