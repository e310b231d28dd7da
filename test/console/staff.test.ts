// Staff access over HTTP: an administrator invites a person (an e-mail with a link lands in the outbox), the
// person accepts on the public page by setting a password and signs in to the console; staff are listed and
// removed (their sessions end); another provider's administrator can neither invite into nor remove from a
// provider not theirs, an operator cannot invite at all, and the platform administrator adds providers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const NEW_PASSWORD = "зелений чайник на підвіконні";

forEachDatabase("console: staff, invitations and providers", (get) => {
  let app: FastifyInstance;
  let deuId: number;
  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    deuId = (
      await get()
        .database.db.selectFrom("providers")
        .select("id")
        .where("code", "=", "deu")
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    await app?.close();
  });

  const db = () => get().database.db;
  const linkSentTo = async (email: string) => {
    const mail = await db()
      .selectFrom("outbox")
      .select(["body", "subject", "template"])
      .where("address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(mail.template, "staff_invitation");
    const m = /https?:\/\/\S+(\/console\/invitation\?code=[A-Za-z0-9_%-]+)/.exec(mail.body);
    assert.ok(m, `a link in "${mail.body}"`);
    return { path: m[1]!, subject: mail.subject ?? "" };
  };
  const counts = async () => ({
    invitations: Number(
      (
        await db()
          .selectFrom("staff_invitations")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    roles: Number(
      (
        await db()
          .selectFrom("staff_roles")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    outbox: Number(
      (
        await db()
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  test("invite → mail in the outbox → accept with a password → sign in to the console", async () => {
    const admin = await signedInStaff(app, "administrator");
    const page = await admin.get("/console/staff");
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Ірина Оператор/);
    const sent = await admin.post("/console/staff/invite", {
      email: "Olena.Nova@Example.UA",
      fullName: "Олена Нова",
      role: "operator",
    });
    assert.equal(sent.status, 200);
    assert.equal(sent.location, "/console/staff?done=invited&email=olena.nova%40example.ua");
    assert.match(textOf(sent.body), /Запрошення надіслано на olena\.nova@example\.ua/);
    assert.match(textOf(sent.body), /Запрошення, що очікують.*olena\.nova@example\.ua/);

    const { path, subject } = await linkSentTo("olena.nova@example.ua");
    assert.match(subject, /Донецькі енергетичні послуги|DEU|Донецьк/i);
    const stored = await db().selectFrom("staff_invitations").select("secret_hash").executeTakeFirstOrThrow();
    assert.ok(!path.includes(stored.secret_hash), "the link carries the secret, the table only its hash");

    const visitor = new CabinetClient(app);
    const acceptPage = await visitor.get(path);
    assert.equal(acceptPage.status, 200);
    assert.match(textOf(acceptPage.body), /Олена Нова, вас запрошено .* як оператора/);
    const code = decodeURIComponent(path.split("code=")[1]!);
    const weak = await visitor.post("/console/invitation", { code, password: "12345" });
    assert.equal(weak.status, 422);
    assert.match(textOf(weak.body), /щонайменше 10 символів/);
    const accepted = await visitor.post("/console/invitation", { code, password: NEW_PASSWORD });
    assert.equal(accepted.location, "/sign-in?done=invitation-accepted");
    assert.match(textOf(accepted.body), /Запрошення прийнято/);

    // Single use: the link now says so, and nothing is granted twice.
    const again = await new CabinetClient(app).get(path);
    assert.equal(again.status, 404);
    assert.match(textOf(again.body), /запрошення недійсне/i);

    const olena = new CabinetClient(app);
    const signedIn = await olena.signIn("olena.nova@example.ua", NEW_PASSWORD);
    assert.equal(signedIn.status, 200);
    assert.match(signedIn.body, /<body class="console">/);
    assert.match(textOf(signedIn.body), /Оператор/);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "provider_id"])
      .where("action", "in", ["inviteStaff", "acceptInvitation"])
      .orderBy("id")
      .execute();
    assert.deepEqual(audit, [
      { action: "inviteStaff", provider_id: deuId },
      { action: "acceptInvitation", provider_id: deuId },
    ]);
  });

  test("an expired invitation is refused with its reason", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/staff");
    await admin.post("/console/staff/invite", {
      email: "late@example.ua",
      fullName: "Пізній",
      role: "operator",
    });
    const { path } = await linkSentTo("late@example.ua");
    get().setNow(new Date(Date.now() + 8 * 24 * 3600 * 1000));
    try {
      const page = await new CabinetClient(app).get(path);
      assert.equal(page.status, 410);
      assert.match(textOf(page.body), /Термін дії запрошення минув/);
    } finally {
      get().setNow(new Date());
    }
  });

  test("bad input is refused with a clear error and writes nothing", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/staff");
    const before = await counts();
    const empty = await admin.post("/console/staff/invite", { email: "", fullName: "", role: "" });
    assert.equal(empty.status, 400);
    assert.match(textOf(empty.body), /Введіть e-mail.*Введіть повне ім'я.*Оберіть роль/);
    const bad = await admin.post("/console/staff/invite", {
      email: "not-an-email",
      fullName: "X",
      role: "operator",
    });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /aria-invalid="true"/);
    const member = await admin.post("/console/staff/invite", {
      email: DEMO_PEOPLE.operator.email,
      fullName: "Ірина",
      role: "administrator",
    });
    assert.equal(member.status, 409);
    assert.match(textOf(member.body), /уже є працівником/);
    assert.deepEqual(await counts(), before);
  });

  test("an operator cannot invite, and the staff page is not theirs", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/staff")).status, 403);
    await operator.get("/console");
    const before = await counts();
    const attempt = await operator.post("/console/staff/invite", {
      email: "x@example.ua",
      fullName: "X",
      role: "operator",
    });
    assert.equal(attempt.status, 403);
    assert.deepEqual(await counts(), before);
  });

  test("another provider's administrator can neither invite into DEU nor remove or withdraw DEU's", async () => {
    const email = await addStaff(get().database, {
      providerCode: "donetskoblgaz",
      role: "administrator",
      email: "admin@gas.staff.test",
    });
    const gas = await signedInStaff(app, { email });
    await gas.get("/console/staff");
    const operatorId = (
      await db()
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_PEOPLE.operator.email)
        .executeTakeFirstOrThrow()
    ).id;
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/staff");
    await admin.post("/console/staff/invite", {
      email: "pending@example.ua",
      fullName: "Очікує",
      role: "operator",
    });
    const pending = await db()
      .selectFrom("staff_invitations")
      .select("id")
      .where("email", "=", "pending@example.ua")
      .executeTakeFirstOrThrow();

    const before = await counts();
    const sessions = await db()
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", operatorId)
      .execute();
    const into = await gas.post("/console/staff/invite", {
      providerId: String(deuId),
      email: "intruder@example.ua",
      fullName: "Чужий",
      role: "administrator",
    });
    assert.equal(into.status, 404);
    const remove = await gas.post(`/console/staff/${operatorId}/remove`, {});
    assert.equal(remove.status, 404);
    const removeNamed = await gas.post(`/console/staff/${operatorId}/remove`, { providerId: String(deuId) });
    assert.equal(removeNamed.status, 404);
    const revoke = await gas.post(`/console/staff/invitations/${pending.id}/revoke`, {});
    assert.equal(revoke.status, 404);
    assert.deepEqual(await counts(), before);
    assert.equal(
      (await db().selectFrom("sessions").select("id").where("user_id", "=", operatorId).execute()).length,
      sessions.length,
    );
  });

  test("removing a staff member revokes the role and ends their sessions; nobody removes themselves", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "operator",
      email: "leaving@deu.test",
    });
    const leaving = await signedInStaff(app, { email });
    assert.equal((await leaving.get("/console")).status, 200);
    const userId = (
      await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()
    ).id;

    const admin = await signedInStaff(app, "administrator");
    const list = await admin.get("/console/staff");
    assert.match(list.body, new RegExp(`action="/console/staff/${userId}/remove"`));
    const removed = await admin.post(`/console/staff/${userId}/remove`, {});
    assert.equal(removed.location, "/console/staff?done=removed");
    assert.match(textOf(removed.body), /Доступ працівника видалено/);
    assert.equal(
      (await db().selectFrom("staff_roles").select("user_id").where("user_id", "=", userId).execute()).length,
      0,
    );
    assert.equal(
      (await db().selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).length,
      0,
    );
    const after = await leaving.get("/console", { follow: false });
    assert.equal(after.status, 303, "the session ended: sent to sign in");

    const adminId = (
      await db()
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_PEOPLE.administrator.email)
        .executeTakeFirstOrThrow()
    ).id;
    const self = await admin.post(`/console/staff/${adminId}/remove`, {});
    assert.equal(self.status, 409);
    assert.match(textOf(self.body), /не можете видалити власний доступ/);
  });

  test("the platform administrator adds a provider (checked EDRPOU and IBAN) and invites its first administrator", async () => {
    const platform = await signedInStaff(app, "platformAdmin");
    const page = await platform.get("/console/providers");
    assert.equal(page.status, 200);
    assert.match(page.body, /<caption>/);
    const before = await counts();
    const bad = await platform.post("/console/providers", {
      code: "kramatorsk-water",
      nameUk: "КПП «Краматорський водоканал»",
      nameRu: "КПП «Краматорский водоканал»",
      nameEn: "Kramatorsk Vodokanal",
      edrpou: "12345678",
      iban: "UA00 0000",
    });
    assert.equal(bad.status, 422);
    assert.match(textOf(bad.body), /ЄДРПОУ/);
    const created = await platform.post("/console/providers", {
      code: "kramatorsk-water",
      nameUk: "КПП «Краматорський водоканал»",
      nameRu: "КПП «Краматорский водоканал»",
      nameEn: "Kramatorsk Vodokanal",
      edrpou: "03361046",
      iban: "UA21 3223 1300 0002 6007 2335 6600 1",
    });
    assert.equal(created.location, "/console/providers?done=created&code=kramatorsk-water");
    const provider = await db()
      .selectFrom("providers")
      .select(["id", "iban"])
      .where("code", "=", "kramatorsk-water")
      .executeTakeFirstOrThrow();
    assert.equal(provider.iban, "UA213223130000026007233566001");
    assert.match(textOf(created.body), /Немає адміністратора/);
    const taken = await platform.post("/console/providers", {
      code: "kramatorsk-water",
      nameUk: "a",
      nameRu: "b",
      nameEn: "c",
      edrpou: "03361046",
      iban: "UA213223130000026007233566001",
    });
    assert.equal(taken.status, 409);

    await platform.get(`/console/staff?provider=${provider.id}`);
    const invited = await platform.post("/console/staff/invite", {
      providerId: String(provider.id),
      email: "head@kramatorsk-water.test",
      fullName: "Перший Адміністратор",
      role: "administrator",
    });
    assert.equal(
      invited.location,
      `/console/staff?done=invited&provider=${provider.id}&email=head%40kramatorsk-water.test`,
    );
    const { path } = await linkSentTo("head@kramatorsk-water.test");
    const visitor = new CabinetClient(app);
    await visitor.get(path);
    await visitor.post("/console/invitation", {
      code: decodeURIComponent(path.split("code=")[1]!),
      password: NEW_PASSWORD,
    });
    const role = await db()
      .selectFrom("staff_roles as sr")
      .innerJoin("users as u", "u.id", "sr.user_id")
      .select(["sr.role", "sr.provider_id"])
      .where("u.email", "=", "head@kramatorsk-water.test")
      .executeTakeFirstOrThrow();
    assert.deepEqual(role, { role: "administrator", provider_id: provider.id });
    assert.equal((await counts()).invitations, before.invitations + 1);

    // A provider's administrator may not reach the platform's page.
    const admin = await signedInStaff(app, "administrator");
    assert.equal((await admin.get("/console/providers")).status, 403);
  });

  test("the staff API: the list of one's own provider; another provider's is not found", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { login: DEMO_PEOPLE.administrator.email, password: DEMO_PASSWORD },
    });
    const token = res.json().token as string;
    const own = await app.inject({
      method: "GET",
      url: "/api/staff",
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(own.statusCode, 200);
    assert.ok(own.json().staff.some((s: { email: string }) => s.email === DEMO_PEOPLE.operator.email));
    const gasId = (
      await db()
        .selectFrom("providers")
        .select("id")
        .where("code", "=", "donetskoblgaz")
        .executeTakeFirstOrThrow()
    ).id;
    const other = await app.inject({
      method: "GET",
      url: `/api/staff?providerId=${gasId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(other.statusCode, 404);
  });
});
