// "Your bill is ready": the morning job tells the people of every account of the months billing runs closed
// lately, by their channel, once — a second run of the job queues nothing.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { notifyClosedBills } from "../../src/services/notifications/money-notifications.ts";
import { seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";

forEachDatabase("bill notifications", (get) => {
  before(async () => {
    await seedBotRegion(get());
  });

  test("the months closed lately are told to their accounts' people once, by e-mail for the demo resident", async () => {
    const { deps, database } = get();
    const { db } = database;
    const queued = await notifyClosedBills(deps);
    assert.ok(queued > 0);
    const resident = await db
      .selectFrom("outbox")
      .select(["channel", "address", "subject", "body"])
      .where("template", "=", "bill_ready")
      .where("address", "=", DEMO_PEOPLE.resident.email)
      .execute();
    // The demo resident's three accounts, each with its months billed by the seeding runs.
    assert.ok(resident.length >= 3, `${resident.length} messages`);
    assert.ok(resident.every((m) => m.channel === "email"));
    assert.ok(
      resident.every((m) => /\/settings/.test(m.body)),
      "each says how to stop",
    );
    const logged = await db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("template", "=", "bill_ready")
      .executeTakeFirstOrThrow();
    assert.equal(Number(logged.n), queued);
    assert.equal(await notifyClosedBills(deps), 0, "a second run sends nothing twice");
  });
});
