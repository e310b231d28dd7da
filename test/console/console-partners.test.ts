// The console's partner administration over HTTP: the platform administrator registers a partner through the form
// (its secret shown in that answer only, never on a reload), edits its limits and providers, is refused
// inconsistent limits beside their field, rotates its key (two keys listed, the old with an expiry), revokes one,
// disables it; a provider's staff are told the pages do not exist, and their navigation has no such section.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { textOf } from "../support/cabinet-client.ts";
import { seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

forEachDatabase("console: partners", (get) => {
  let app: FastifyInstance;
  let codes: string[];
  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    codes = (await get().database.db.selectFrom("providers").select("code").orderBy("code").execute()).map(
      (p) => p.code,
    );
  });
  after(async () => {
    await app?.close();
  });

  const db = () => get().database.db;
  const partnerRow = () =>
    db().selectFrom("partners").selectAll().where("code", "=", "privat-terminals").executeTakeFirstOrThrow();
  const grants = async () =>
    (
      await db()
        .selectFrom("partner_providers as pp")
        .innerJoin("partners as p", "p.id", "pp.partner_id")
        .innerJoin("providers as v", "v.id", "pp.provider_id")
        .select("v.code")
        .where("p.code", "=", "privat-terminals")
        .orderBy("v.code")
        .execute()
    ).map((r) => r.code);
  const keys = () =>
    db()
      .selectFrom("partner_keys as k")
      .innerJoin("partners as p", "p.id", "k.partner_id")
      .select(["k.key_id", "k.expires_at", "k.secret"])
      .where("p.code", "=", "privat-terminals")
      .orderBy("k.created_at")
      .orderBy("k.key_id")
      .execute();

  test("register through the form: the secret is shown once, then edit, rotate, revoke and disable", async () => {
    assert.ok(codes.includes("deu") && codes.length >= 2, `providers: ${codes}`);
    const other = codes.find((c) => c !== "deu")!;
    const platform = await signedInStaff(app, "platformAdmin");
    const list = await platform.get("/console/partners");
    assert.equal(list.status, 200);
    assert.match(list.body, /<a href="\/console\/partners" aria-current="page">Партнери<\/a>/);
    assert.match(list.body, /name="provider-deu"/);

    // A refusal: each error beside its field, what was typed kept.
    const bad = await platform.post("/console/partners", {
      code: "Privat",
      name: "ПриватБанк термінали",
      "provider-deu": "on",
      ratePerMinute: "0",
      minPayment: "1",
      maxPayment: "abc",
      dailyLimit: "100000",
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<p class="error-message" id="code-error">Код: 2–30/);
    assert.match(bad.body, /id="ratePerMinute-error">Ціле число/);
    assert.match(bad.body, /id="maxPayment-error">Сума в гривнях/);
    assert.match(bad.body, /<a href="#maxPayment">/);
    assert.match(bad.body, /value="ПриватБанк термінали"/);
    assert.match(bad.body, /name="provider-deu" value="on" aria-describedby="provider-\d+-hint" checked/);
    assert.equal(await db().selectFrom("partners").select("id").executeTakeFirst(), undefined);

    const made = await platform.post("/console/partners", {
      code: "privat-terminals",
      name: "ПриватБанк термінали",
      "provider-deu": "on",
      "terminal-protocol": "on",
      ipAllow: "203.0.113.0/24\n198.51.100.7",
      ratePerMinute: "120",
      minPayment: "1,50",
      maxPayment: "20 000",
      dailyLimit: "500000",
    });
    assert.equal(made.status, 200);
    assert.equal(made.headers["cache-control"], "no-store");
    const [first] = await keys();
    assert.ok(first);
    assert.ok(made.body.includes(first.key_id), "the key id is shown");
    assert.ok(made.body.includes(first.secret), "the secret is shown");
    assert.match(textOf(made.body), /більше його не буде показано/);
    const row = await partnerRow();
    assert.equal(row.min_payment_kop, 150);
    assert.equal(row.max_payment_kop, 2_000_000);
    assert.equal(row.daily_limit_kop, 50_000_000);
    assert.equal(row.rate_per_minute, 120);
    assert.equal(row.terminal_protocol, true);
    assert.deepEqual(row.ip_allow, ["203.0.113.0/24", "198.51.100.7"]);
    assert.deepEqual(await grants(), ["deu"]);

    const again = await platform.get("/console/partners");
    assert.ok(!again.body.includes(first.secret), "a reload does not show the secret");
    assert.match(textOf(again.body), /privat-terminals/);
    assert.match(textOf(again.body), /платіж 1,50 грн – 20 000,00 грн, за день 500 000,00 грн/);
    const taken = await platform.post("/console/partners", {
      code: "privat-terminals",
      name: "Ще один",
      ratePerMinute: "60",
      minPayment: "1",
      maxPayment: "10",
      dailyLimit: "100",
    });
    assert.equal(taken.status, 409);
    assert.match(taken.body, /id="code-error">Партнер з кодом privat-terminals уже є/);

    // The partner's page: its settings, a link to its reconciliations, no secret.
    const page = await platform.get("/console/partners/privat-terminals");
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes(first.secret));
    assert.match(page.body, /<a href="\/console\/partners\/privat-terminals\/reconciliations">Звірки<\/a>/);
    assert.match(page.body, /id="maxPayment" name="maxPayment" type="text" class="short" value="20000.00"/);

    const inconsistent = await platform.post("/console/partners/privat-terminals", {
      name: "ПриватБанк термінали",
      "provider-deu": "on",
      ratePerMinute: "120",
      minPayment: "1.50",
      maxPayment: "600000",
      dailyLimit: "500000",
    });
    assert.equal(inconsistent.status, 400);
    assert.match(inconsistent.body, /id="maxPayment-error">Найменший платіж не може/);
    assert.equal((await partnerRow()).max_payment_kop, 2_000_000);

    const badIp = await platform.post("/console/partners/privat-terminals", {
      name: "ПриватБанк термінали",
      ipAllow: "203.0.113.0/24\nnot-an-address",
      ratePerMinute: "120",
      minPayment: "1.50",
      maxPayment: "20000",
      dailyLimit: "500000",
    });
    assert.equal(badIp.status, 400);
    assert.match(badIp.body, /id="ipAllow-error">[^<]*not-an-address/);

    const saved = await platform.post("/console/partners/privat-terminals", {
      name: "ПриватБанк: термінали",
      [`provider-${other}`]: "on",
      "provider-deu": "on",
      ipAllow: "",
      ratePerMinute: "300",
      minPayment: "2",
      maxPayment: "30000",
      dailyLimit: "750 000,00",
    });
    assert.equal(saved.location, "/console/partners/privat-terminals?done=saved");
    assert.match(textOf(saved.body), /Налаштування збережено/);
    const edited = await partnerRow();
    assert.equal(edited.name, "ПриватБанк: термінали");
    assert.equal(edited.min_payment_kop, 200);
    assert.equal(edited.max_payment_kop, 3_000_000);
    assert.equal(edited.daily_limit_kop, 75_000_000);
    assert.equal(edited.rate_per_minute, 300);
    assert.equal(edited.terminal_protocol, false);
    assert.deepEqual(edited.ip_allow, []);
    assert.deepEqual(await grants(), [other, "deu"].sort());

    // Rotate: the new secret in this answer only, the old key listed with its expiry.
    const rotated = await platform.post("/console/partners/privat-terminals/rotate", {});
    assert.equal(rotated.status, 200);
    const both = await keys();
    assert.equal(both.length, 2);
    const old = both.find((k) => k.key_id === first.key_id);
    const fresh = both.find((k) => k.key_id !== first.key_id);
    assert.ok(old && fresh);
    assert.ok(old.expires_at, "the old key expires");
    assert.equal(fresh.expires_at, null);
    assert.ok(rotated.body.includes(fresh.secret));
    assert.match(textOf(rotated.body), /Попередні ключі діятимуть до \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const keysPage = await platform.get("/console/partners/privat-terminals");
    assert.ok(!keysPage.body.includes(fresh.secret));
    const keyRows = [
      ...keysPage.body.matchAll(
        /<tr>\n<th scope="row"><code>(pk_[a-z0-9]+)<\/code><\/th>\n<td>[^<]*<\/td>\n<td>([^<]*)<\/td>\n<td>([^<]*)<\/td>/g,
      ),
    ];
    const listed = new Map(keyRows.map((m) => [m[1], { expires: m[2]!, state: m[3] }]));
    assert.equal(listed.size, 2);
    assert.match(listed.get(old.key_id)?.expires ?? "", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.equal(listed.get(old.key_id)?.state, "діє");
    assert.deepEqual(listed.get(fresh.key_id), { expires: "безстроково", state: "діє" });

    // Revoke the old key at once.
    const revoked = await platform.post("/console/partners/privat-terminals/revoke", { keyId: old.key_id });
    assert.equal(
      revoked.location,
      `/console/partners/privat-terminals?done=revoked&key=${encodeURIComponent(old.key_id)}`,
    );
    assert.match(textOf(revoked.body), new RegExp(`Ключ ${old.key_id} відкликано`));
    const afterOld = (await keys()).find((k) => k.key_id === old.key_id);
    assert.ok(afterOld?.expires_at && afterOld.expires_at.getTime() <= get().deps.now().getTime());
    const revokedPage = await platform.get("/console/partners/privat-terminals");
    assert.equal(
      (revokedPage.body.match(/>Відкликати pk_/g) ?? []).length,
      1,
      "only the new key can be revoked",
    );
    assert.equal(
      (await platform.post("/console/partners/privat-terminals/revoke", { keyId: "pk_nope" })).status,
      404,
    );

    // Disable, then enable.
    const disabled = await platform.post("/console/partners/privat-terminals/state", { disabled: "yes" });
    assert.match(textOf(disabled.body), /Партнера вимкнено/);
    assert.notEqual((await partnerRow()).disabled_at, null);
    const enabled = await platform.post("/console/partners/privat-terminals/state", { disabled: "no" });
    assert.match(textOf(enabled.body), /Партнера ввімкнено/);
    assert.equal((await partnerRow()).disabled_at, null);

    assert.equal((await platform.get("/console/partners/no-such-bank")).status, 404);
    const english = await platform.get("/console/partners?lang=en");
    assert.equal(english.status, 200);
  });

  test("a provider's staff: the pages do not exist and the navigation has no partners", async () => {
    for (const who of ["operator", "administrator"] as const) {
      const staff = await signedInStaff(app, who);
      const home = await staff.get("/console");
      assert.equal(home.status, 200);
      assert.ok(!home.body.includes('href="/console/partners"'), `${who}: no partners in the navigation`);
      assert.equal((await staff.get("/console/partners")).status, 404);
      assert.equal((await staff.get("/console/partners/privat-terminals")).status, 404);
      const before = await db().selectFrom("partners").select("code").execute();
      const refused = await staff.post("/console/partners", {
        code: "sneaky-bank",
        name: "x",
        "provider-deu": "on",
        ratePerMinute: "60",
        minPayment: "1",
        maxPayment: "10",
        dailyLimit: "100",
      });
      assert.equal(refused.status, 404);
      assert.equal((await staff.post("/console/partners/privat-terminals/rotate", {})).status, 404);
      assert.deepEqual(await db().selectFrom("partners").select("code").execute(), before);
    }
  });
});
