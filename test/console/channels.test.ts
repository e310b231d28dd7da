// The channels a provider takes readings through, over HTTP: the administrator's page ticks the ones that are on;
// saving switches the rest off; a reading through a channel that is off is refused with reading_channel_off and
// nothing written; the residents' contacts list only the channels on; another provider's administrator changes
// only their own provider's; an operator is forbidden.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { AppError } from "../../src/services/errors.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

const NOON = "2026-11-25T10:00:00Z";
const ALL = ["web", "contact_centre", "voice", "viber", "telegram", "facebook", "bank", "import"];
const on = (...channels: string[]) => Object.fromEntries(channels.map((c) => [`channel-${c}`, "on"]));

forEachDatabase("console: the channels readings are taken through", (get) => {
  let app: FastifyInstance;
  let admin: CabinetClient;
  let target: { accountId: number; meterId: number; userId: number };

  const db = () => get().database.db;
  const channelsOf = async (code: string) =>
    (await db().selectFrom("providers").select("channels").where("code", "=", code).executeTakeFirstOrThrow())
      .channels;
  const readingCount = async () =>
    Number(
      (
        await db()
          .selectFrom("readings")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("account_id", "=", target.accountId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    get().setNow(NOON);
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    admin = await signedInStaff(app, "administrator");
    const row = await db()
      .selectFrom("users as u")
      .innerJoin("user_accounts as ua", "ua.user_id", "u.id")
      .innerJoin("accounts as a", "a.id", "ua.account_id")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .innerJoin("meters as m", "m.account_id", "a.id")
      .select(["a.id as accountId", "m.id as meterId", "u.id as userId"])
      .where("u.email", "=", DEMO_PEOPLE.resident.email)
      .where("p.code", "=", "deu")
      .where("m.removed_on", "is", null)
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    target = row;
  });
  after(async () => {
    get().setNow(new Date());
    await app?.close();
  });

  test("the page ticks the channels that are on, each with what it is", async () => {
    const page = await admin.get("/console/channels");
    assert.equal(page.status, 200);
    assert.deepEqual(await channelsOf("deu"), [
      "web",
      "voice",
      "facebook",
      "viber",
      "telegram",
      "contact_centre",
      "bank",
      "import",
    ]);
    for (const c of ALL) assert.match(page.body, new RegExp(`name="channel-${c}" value="on"[^>]* checked`));
    assert.match(textOf(page.body), /Голосовий бот \(увімкнено\) Абонент називає населений пункт/);
    assert.match(page.body, /<legend>Увімкнені канали<\/legend>/);
  });

  test("saving switches off the channels not ticked; the residents' contacts list only those on", async () => {
    const page = await admin.post("/console/channels", on("web", "contact_centre", "voice", "import"));
    assert.equal(page.location, "/console/channels?done=saved");
    assert.match(textOf(page.body), /Канали збережено/);
    assert.match(textOf(page.body), /Viber \(вимкнено\)/);
    assert.deepEqual(await channelsOf("deu"), ["web", "contact_centre", "voice", "import"]);
    const resident = new CabinetClient(app);
    await resident.signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    const contacts = textOf((await resident.get("/contacts")).body);
    // DEU's card only: the resident's water utility takes readings by Viber itself.
    const deu = contacts.slice(contacts.indexOf("ТОВ «Донецькі"), contacts.indexOf("КП «Маріупольське"));
    assert.match(deu, /Показники також приймають: голосовий бот\./);
    assert.doesNotMatch(deu, /Viber/);
  });

  test("a reading through a channel that is off is refused with a clear reason, and nothing is written", async () => {
    const token = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    const url = `/api/accounts/${target.accountId}/readings`;
    const body = { meterId: target.meterId, value: "99999" };
    // With the web on, whatever the answer, it is not the channel's.
    const before = await call(app, "POST", url, { token, body });
    assert.notEqual((before.body as { error?: { code: string } }).error?.code, "reading_channel_off");

    await admin.post("/console/channels", on("contact_centre", "voice", "import"));
    const count = await readingCount();
    const refused = await call(app, "POST", url, { token, body: { ...body, value: "99998" } });
    assert.equal(refused.status, 422);
    const error = (refused.body as { error: { code: string; message: string } }).error;
    assert.equal(error.code, "reading_channel_off");
    assert.match(error.message, /Цей постачальник не приймає показники через особистий кабінет/);
    assert.equal(await readingCount(), count);

    // The voice bot's door, switched off likewise.
    await admin.post("/console/channels", on("web", "contact_centre", "import"));
    const voice = await callUseCase(
      get().deps,
      "submitReading",
      { actor: { kind: "resident", userId: target.userId, locale: "en" }, channel: "voice", locale: "en" },
      { accountId: target.accountId, meterId: target.meterId, value: "99997" },
    ).catch((e: unknown) => e);
    assert.ok(voice instanceof AppError);
    assert.equal(voice.code, "reading_channel_off");
    assert.match(voice.messageIn("en"), /does not take readings through the voice bot/);
    assert.equal(await readingCount(), count);
  });

  test("another provider's administrator changes only their own provider's channels", async () => {
    const email = await addStaff(get().database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@mariupol-vkg.ch.test",
    });
    const other = await signedInStaff(app, { email });
    const deuBefore = await channelsOf("deu");
    const page = await other.get("/console/channels");
    assert.equal(page.status, 200);
    assert.match(page.body, /name="channel-viber" value="on"[^>]* checked/);
    await other.post("/console/channels", on("web", "contact_centre"));
    assert.deepEqual(await channelsOf("mariupol-vkg"), ["web", "contact_centre"]);
    assert.deepEqual(await channelsOf("deu"), deuBefore);
    const token = await signInAs(app, email, DEMO_PASSWORD);
    const foreign = await call(app, "PUT", "/api/providers/deu/channels", { token, body: { channels: [] } });
    assert.equal(foreign.status, 404);
    assert.deepEqual(await channelsOf("deu"), deuBefore);
  });

  test("an operator may not switch channels", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/channels")).status, 403);
    const before = await channelsOf("deu");
    assert.equal((await operator.post("/console/channels", on("web"))).status, 403);
    assert.deepEqual(await channelsOf("deu"), before);
  });
});
