// My addresses and where my reminders go, over the API: adding a phone with a code, choosing SMS for reminders
// once it is confirmed, and a personal API token that may read them but never add an address.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { codeSentTo } from "../support/outbox-codes.ts";

const PASSWORD = "quiet morning by the river";

forEachDatabase("API: my identities and reminder channel", (get) => {
  let app: FastifyInstance;
  let session: string;
  before(async () => {
    await get()
      .database.db.insertInto("users")
      .values({
        email: "nadia@api.test",
        phone: null,
        full_name: "Надія",
        password_hash: await hashPassword(PASSWORD),
      })
      .execute();
    app = await quietApp(get().deps);
    session = await signInAs(app, "nadia@api.test", PASSWORD);
  });
  after(async () => {
    await app?.close();
  });

  test("a phone added with its code is listed, and reminders may then go by SMS", async () => {
    const settings = await call(app, "GET", "/api/me/settings", { token: session });
    assert.deepEqual(settings.body, {
      locale: "uk",
      reminderChannel: "email",
      reminderChannelChosen: false,
      reminderChoices: ["email", "none"],
    });
    const early = await call(app, "PUT", "/api/me/reminder-channel", {
      token: session,
      body: { channel: "sms" },
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, "reminder_channel_unverified");

    const asked = await call(app, "POST", "/api/me/identities", {
      token: session,
      body: { login: "063 555 44 33" },
    });
    assert.equal(asked.status, 200);
    assert.deepEqual(asked.body, { delivery: "sms", expiresInSeconds: 600 });
    const code = await codeSentTo(get(), "+380635554433", "add_identity_code");
    const confirmed = await call(app, "POST", "/api/me/identities/confirm", {
      token: session,
      body: { login: "+380635554433", code },
    });
    assert.equal(confirmed.status, 201);
    assert.equal(confirmed.body.address, "+380635554433");

    const listed = await call(app, "GET", "/api/me/identities", { token: session });
    assert.deepEqual(
      listed.body.identities.map((i: { kind: string; address: string }) => [i.kind, i.address]),
      [
        ["email", "nadia@api.test"],
        ["phone", "+380635554433"],
      ],
    );
    const chosen = await call(app, "PUT", "/api/me/reminder-channel", {
      token: session,
      body: { channel: "sms" },
    });
    assert.deepEqual(chosen.body, { reminderChannel: "sms" });
    const me = await call(app, "GET", "/api/me", { token: session });
    assert.equal(me.body.user.phone, "+380635554433", "the empty phone of the users row took it");
  });

  test("a personal API token reads the settings but may not add an address", async () => {
    const created = await call(app, "POST", "/api/tokens", { token: session, body: { name: "Home" } });
    const token = created.body.token as string;
    assert.equal((await call(app, "GET", "/api/me/settings", { token })).status, 200);
    const refused = await call(app, "POST", "/api/me/identities", {
      token,
      body: { login: "nadia2@api.test" },
    });
    assert.equal(refused.status, 403);
  });
});
