// Every statement of the readings path names the shard keys of the account-keyed tables it touches, so that on
// Citus each goes to the one shard of its accounts (docs/scale-out.md). CI has no Citus, so the statements are
// recorded as they run on PGlite and PostgreSQL and read by the rule of db/citus/sql-rules.ts. A join condition
// alone does not route: the notification of a reading once joined the accounts and their people that way, and
// on a Citus cluster every submission then went to all 32 shards (10 readings a second).
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import { unroutedTables } from "../../src/db/citus/sql-rules.ts";
import { makeDeps } from "../../src/services/deps.ts";
import { submitReading } from "../../src/services/readings/submit-reading.ts";
import { forEachDatabase } from "../support/databases.ts";
import { createReadingsFixture, type ReadingsFixture, userIdByEmail } from "../support/readings-fixture.ts";

/** Records the SQL of every query run through the Kysely instance it is plugged into. */
class StatementLog implements KyselyPlugin {
  readonly statements: string[] = [];
  constructor(private readonly compile: (args: PluginTransformQueryArgs) => string) {}
  transformQuery(args: PluginTransformQueryArgs) {
    this.statements.push(this.compile(args));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

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
    const log = new StatementLog(
      (args) => database.db.getExecutor().compileQuery(args.node, args.queryId).sql,
    );
    const recorded = { ...database, db: database.db.withPlugin(log) };
    const deps = makeDeps(recorded, () => new Date("2019-07-30T12:00:00+03:00"));
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
