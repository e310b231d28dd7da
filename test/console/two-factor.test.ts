// Two-step sign-in over HTTP: a staff member sets it up at /console/security (the secret as an inline SVG QR code
// and as text, confirmed with a code this test computes with otpauth, then ten recovery codes shown once); every
// later sign-in — the form, the API, a sign-in code — asks for the second factor; a wrong code is refused and
// rate-limited, each TOTP code and each recovery code works once; administrators must set it up (when the
// installation requires it) and cannot turn it off, operators can.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { Secret, TOTP } from "otpauth";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD } from "../../src/demo/region.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import { codeSentTo } from "../support/outbox-codes.ts";

forEachDatabase("console: two-step sign-in", (get) => {
  let app: FastifyInstance;
  let strictApp: FastifyInstance;
  // The services' clock, moved on by a TOTP step whenever a fresh code is needed.
  let clock = Date.now();
  const tick = () => {
    clock += 30_000;
    get().setNow(new Date(clock));
  };
  const codeFor = (secret: string) =>
    new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
      timestamp: clock,
    });

  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    get().setNow(new Date(clock));
    app = await quietApp(get().deps);
    strictApp = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false, staffTwoFactor: "required" },
      logger: false,
    });
  });
  after(async () => {
    await app?.close();
    await strictApp?.close();
  });

  /** Sets two-step sign-in up through the security page; returns the secret and the recovery codes. */
  async function enrol(client: CabinetClient): Promise<{ secret: string; recovery: string[] }> {
    const totpRows = (await get().database.db.selectFrom("user_totp").select("user_id").execute()).length;
    const off = await client.get("/console/security");
    assert.equal(off.status, 200);
    const started = await client.post("/console/security/start", {});
    assert.equal(started.status, 200);
    assert.equal(
      await get()
        .database.db.selectFrom("user_totp")
        .select("user_id")
        .where("secret", "like", "%")
        .execute()
        .then((r) => r.length),
      totpRows,
      "nothing stored before a code confirms it",
    );
    assert.match(started.body, /<div class="two-factor-qr" role="img" aria-label="[^"]+"><svg/);
    const secret = /<code class="two-factor-secret">([A-Z2-7 ]+)<\/code>/
      .exec(started.body)?.[1]
      ?.replace(/ /g, "");
    assert.ok(secret && secret.length === 32, "the secret as text");
    const hidden = /name="secret" value="([A-Z2-7]{32})"/.exec(started.body)?.[1];
    assert.equal(hidden, secret, "the form carries the secret to the confirmation");
    const wrong = await client.post("/console/security/confirm", {
      secret,
      code: "000000" === codeFor(secret) ? "111111" : "000000",
    });
    assert.equal(wrong.status, 422);
    assert.match(textOf(wrong.body), /Код не підходить/);
    assert.match(wrong.body, new RegExp(`name="secret" value="${secret}"`), "the same secret again");
    const confirmed = await client.post("/console/security/confirm", { secret, code: codeFor(secret) });
    assert.equal(confirmed.status, 200);
    const recovery = [...confirmed.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map(
      (m) => m[1]!,
    );
    assert.equal(recovery.length, 10);
    assert.equal(new Set(recovery).size, 10);
    tick();
    return { secret, recovery };
  }

  /** Signs in with the password: the second step's page, and its challenge. */
  async function passwordStep(client: CabinetClient, email: string): Promise<string> {
    const page = await client.signIn(email, DEMO_PASSWORD);
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Код підтвердження/);
    assert.equal(client.cookie("abonent_session"), undefined, "no session before the second factor");
    const challenge = /name="challenge" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(challenge);
    return challenge;
  }

  test("an operator sets it up; the next sign-in asks for the code; a wrong code is refused, the right one opens the console", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "operator",
      email: "totp-op@deu.test",
    });
    const { secret, recovery } = await enrol(await signedInStaff(app, { email }));
    const stored = await get().database.db.selectFrom("recovery_codes").select("code_hash").execute();
    assert.ok(stored.every((r) => !recovery.some((c) => r.code_hash.includes(c.replace("-", "")))));

    const client = new CabinetClient(app);
    const challenge = await passwordStep(client, email);
    const wrong = await client.post("/sign-in/second-factor", {
      challenge,
      code: "123456" === codeFor(secret) ? "654321" : "123456",
    });
    assert.equal(wrong.status, 401);
    assert.match(textOf(wrong.body), /Код не підходить/);
    const code = codeFor(secret);
    const ok = await client.post("/sign-in/second-factor", { challenge, code });
    assert.equal(ok.location, "/");
    assert.match(ok.body, /<body class="console">/);

    // The same code a second time, even at a new sign-in within its 30 seconds: refused.
    const again = new CabinetClient(app);
    const challenge2 = await passwordStep(again, email);
    const reused = await again.post("/sign-in/second-factor", { challenge: challenge2, code });
    assert.equal(reused.status, 401);
    // A used challenge cannot open a second session.
    tick();
    const replay = await client.post(
      "/sign-in/second-factor",
      { challenge, code: codeFor(secret) },
      { follow: false },
    );
    assert.equal(replay.location, "/sign-in?done=second-factor-expired");

    // A recovery code works once.
    const lost = new CabinetClient(app);
    const c3 = await passwordStep(lost, email);
    const recovered = await lost.post("/sign-in/second-factor", {
      challenge: c3,
      code: recovery[0]!.toUpperCase(),
    });
    assert.match(recovered.body, /<body class="console">/);
    const lostAgain = new CabinetClient(app);
    const c4 = await passwordStep(lostAgain, email);
    const spent = await lostAgain.post("/sign-in/second-factor", { challenge: c4, code: recovery[0]! });
    assert.equal(spent.status, 401);
    const security = await lost.get("/console/security");
    assert.match(textOf(security.body), /Невикористаних резервних кодів: 9/);
  });

  test("wrong codes are rate-limited: after 5, even the right code waits", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "operator",
      email: "totp-slow@deu.test",
    });
    const { secret } = await enrol(await signedInStaff(app, { email }));
    const client = new CabinetClient(app, { ip: "10.9.9.9" });
    const challenge = await passwordStep(client, email);
    const wrongCode = codeFor(secret) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const r = await client.post("/sign-in/second-factor", { challenge, code: wrongCode });
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const limited = await client.post("/sign-in/second-factor", { challenge, code: codeFor(secret) });
    assert.equal(limited.status, 429);
    assert.ok(limited.headers["retry-after"]);
    assert.equal(client.cookie("abonent_session"), undefined);
  });

  test("the API: signIn answers a challenge, confirmSecondFactor the session; a sign-in code needs the second step too", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "operator",
      email: "totp-api@deu.test",
    });
    const { secret } = await enrol(await signedInStaff(app, { email }));
    const first = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { login: email, password: DEMO_PASSWORD },
    });
    assert.equal(first.statusCode, 200);
    const body = first.json();
    assert.equal(body.secondFactor, "totp");
    assert.equal(body.token, undefined);
    assert.match(body.challenge, /^sfc_/);
    const wrong = await app.inject({
      method: "POST",
      url: "/api/session/second-factor",
      payload: { challenge: body.challenge, code: codeFor(secret) === "000000" ? "111111" : "000000" },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, "second_factor_invalid");
    const second = await app.inject({
      method: "POST",
      url: "/api/session/second-factor",
      payload: { challenge: body.challenge, code: codeFor(secret) },
    });
    assert.equal(second.statusCode, 200);
    const token = second.json().token as string;
    const me = await app.inject({
      method: "GET",
      url: "/api/me",
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(me.json().actor.kind, "staff");

    // A code to the inbox is not a second factor.
    await app.inject({ method: "POST", url: "/api/sign-in-code", payload: { login: email } });
    const code = await codeSentTo(get(), email, "sign_in_code");
    const byCode = await app.inject({
      method: "POST",
      url: "/api/session/code",
      payload: { login: email, code },
    });
    assert.equal(byCode.statusCode, 200);
    assert.equal(byCode.json().secondFactor, "totp");
    assert.equal(byCode.json().token, undefined);
  });

  test("an operator may turn it off with a current code; then the password alone signs in", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "operator",
      email: "totp-off@deu.test",
    });
    const client = await signedInStaff(app, { email });
    const { secret } = await enrol(client);
    await client.get("/console/security");
    const refused = await client.post("/console/security/disable", { code: "12" });
    assert.equal(refused.status, 422);
    const off = await client.post("/console/security/disable", { code: codeFor(secret) });
    assert.equal(off.location, "/console/security?done=disabled");
    assert.match(textOf(off.body), /Двоетапний вхід вимкнено/);
    const again = await signedInStaff(app, { email });
    assert.equal((await again.get("/console")).status, 200);
  });

  test("an administrator without it is sent to the security page, sets it up, and cannot turn it off", async () => {
    const email = await addStaff(get().database, {
      providerCode: "deu",
      role: "administrator",
      email: "totp-admin@deu.test",
    });
    const admin = await signedInStaff(strictApp, { email });
    const sent = await admin.get("/console/staff", { follow: false });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, "/console/security");
    const page = await admin.get("/console/security");
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Для вашої ролі двоетапний вхід обов'язковий/);
    const { secret } = await enrol(admin);
    assert.equal((await admin.get("/console/staff")).status, 200);
    const security = await admin.get("/console/security");
    assert.match(textOf(security.body), /вимкнути не можна/);
    assert.doesNotMatch(security.body, /action="\/console\/security\/disable"/);
    const disable = await admin.post("/console/security/disable", { code: codeFor(secret) });
    assert.equal(disable.status, 403);
    assert.equal(
      (await get().database.db.selectFrom("user_totp").select("user_id").execute()).length > 0,
      true,
    );
    // Operators are not sent anywhere: for them it stays a choice.
    const operator = await signedInStaff(strictApp, "operator");
    assert.equal((await operator.get("/console", { follow: false })).status, 200);
  });
});
