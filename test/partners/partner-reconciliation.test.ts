// A partner's whole day: look-ups, payments, a cancellation and a reading over the signed API; then the day's registry
// downloaded (and read back by the ordinary registry import, which posts none of it again), the partner's own
// registry uploaded and reconciled (one line we lack, one of ours it lacks, sums to the kopiyka, nothing posted),
// the line we lack posted by the platform administrator once, and the partner's file imported afterwards posting
// nothing twice. Then the console's review page over HTTP: the line listed, and Post posting it.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { AppError } from "../../src/services/errors.ts";
import { importPaymentRegistry } from "../../src/services/registries/import-payment-registry.ts";
import { callUseCase, type InputOf } from "../../src/services/registry.ts";
import { BOT_NOW, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import {
  platformAdmin,
  registerTestPartner,
  signedCall,
  type TestPartner,
} from "../support/partner-client.ts";

const NOW_S = Math.floor(Date.parse(BOT_NOW) / 1000);
const DAY = "2026-11-28";
const V1 = "/api/partners/v1";
const HEADER = "txn_id;account;amount;paid_on;provider_edrpou;period;service";

forEachDatabase("a partner's day: its registry, reconciliation and the review", (db) => {
  let app: FastifyInstance;
  let region: BotRegion;
  let bank: TestPartner;
  let tick = 0;
  // A signature is good once: each request is signed a second later than the last.
  const call = (c: Parameters<typeof signedCall>[2]) =>
    signedCall(app, bank, { timestamp: NOW_S + tick++, ...c });
  const pay = (txnId: string, amount: string) =>
    call({
      method: "POST",
      path: `${V1}/payments`,
      body: {
        txnId,
        provider: "deu",
        account: region.account.number,
        amount,
        paidAt: "2026-11-28T09:50:00+02:00",
      },
    });
  /** The ledger's sum of the partner's entries (payments negative, their cancellations back). */
  const ledger = async () => {
    const { rows } = await sql<{ n: number; kop: string }>`
      select count(*)::int4 as n, coalesce(sum(amount_kop), 0)::int8 as kop from ledger_entries
      where source = 'bank_registry' and source_ref like ${`${bank.registrySource}:%`}`.execute(
      db().database.db,
    );
    return { n: rows[0]!.n, kop: Number(rows[0]!.kop) };
  };
  const admin = async () => ({
    actor: await platformAdmin(db().deps),
    channel: "web" as const,
    locale: "uk" as const,
  });
  const importFile = (text: string, fileName: string) =>
    importPaymentRegistry(db().deps, {
      source: bank.registrySource,
      fileName,
      content: new TextEncoder().encode(text),
      importedBy: "cli",
    });
  let ours = "";
  /** The provider's EDRPOU, as our file writes it: the import needs it of a source bound to no provider. */
  let edrpou = "";

  before(async () => {
    region = await seedBotRegion(db());
    app = await quietApp(db().deps);
    bank = await registerTestPartner(db().deps, {
      code: "recon-bank",
      name: "Звірка-Банк",
      providers: ["deu"],
    });
  });
  after(() => app?.close());

  it("downloads the day's registry: the payments that stand, in the source's layout, read back as duplicates", async () => {
    const lookup = await call({
      method: "GET",
      path: `${V1}/accounts/lookup?provider=deu&account=${encodeURIComponent(region.account.number)}`,
    });
    assert.equal(lookup.statusCode, 200, lookup.body);
    for (const [txn, amount] of [
      ["R-1", "250.00"],
      ["R-2", "100.50"],
      ["R-3", "75.25"],
      ["R-4", "40.00"],
    ] as const)
      assert.equal((await pay(txn, amount)).statusCode, 201);
    const cancelled = await call({ method: "POST", path: `${V1}/payments/R-4/cancel`, body: {} });
    assert.equal(cancelled.json().status, "cancelled");
    const reading = await call({
      method: "POST",
      path: `${V1}/readings`,
      body: {
        provider: "deu",
        account: region.account.number,
        values: [
          { zone: 1, value: String(Number(region.lastValues[0]) + 50) },
          { zone: 2, value: String(Number(region.lastValues[1]) + 20) },
        ],
      },
    });
    assert.equal(reading.statusCode, 201, reading.body);

    const file = await call({ method: "GET", path: `${V1}/registry?day=${DAY}` });
    assert.equal(file.statusCode, 200, file.body);
    assert.match(String(file.headers["content-type"]), /^text\/csv; charset=utf-8/);
    assert.match(
      String(file.headers["content-disposition"]),
      /filename="partner-recon-bank-2026-11-28\.csv"/,
    );
    ours = file.body;
    const lines = ours.trimEnd().split("\r\n");
    assert.equal(lines[0], HEADER);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(";").slice(0, 4)),
      [
        ["R-1", region.account.number, "250.00", DAY],
        ["R-2", region.account.number, "100.50", DAY],
        ["R-3", region.account.number, "75.25", DAY],
      ],
      "the cancelled R-4 is not in it",
    );
    const sum = lines.slice(1).reduce((s, l) => s + Math.round(Number(l.split(";")[2]) * 100), 0);
    assert.equal(sum, 42_575);
    edrpou = lines[1]!.split(";")[4]!;
    assert.match(edrpou, /^\d{8}$/, "the provider's EDRPOU");

    const before = await ledger();
    const report = await importFile(ours, "ours.csv");
    assert.equal(report.lines, 3);
    assert.equal(report.posted, 0, "the API's payments are the import's duplicates: one key");
    assert.equal(report.duplicates, 3);
    assert.deepEqual(await ledger(), before);
  });

  it("reconciles the partner's file: what we lack, what it lacks, sums to the kopiyka; posts nothing", async () => {
    const theirs = [
      HEADER,
      `R-1;${region.account.number};250.00;${DAY};${edrpou};;`,
      `R-2;${region.account.number};100.50;${DAY};${edrpou};;`,
      `R-9;${region.account.number};33.17;${DAY};${edrpou};;`,
      "",
    ].join("\n");
    const before = await ledger();
    const res = await call({
      method: "POST",
      path: `${V1}/reconciliations?day=${DAY}`,
      rawBody: theirs,
      contentType: "text/csv",
    });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.deepEqual(r.matched, { count: 2, kop: 35_050 });
    assert.deepEqual(r.missingOurs, { count: 1, kop: 3_317 });
    assert.deepEqual(r.missingTheirs, { count: 1, kop: 7_525 });
    assert.deepEqual(r.mismatched, { count: 0, theirKop: 0, ourKop: 0 });
    assert.equal(r.theirTotalKop, 38_367);
    assert.equal(r.ourTotalKop, 42_575);
    assert.equal(
      r.ourTotalKop,
      -before.kop,
      "our total is the ledger's for the day, the cancellation netted",
    );
    assert.deepEqual(
      r.lines.map(
        (l: { kind: string; txnId: string; amountKop: number | null; ourAmountKop: number | null }) => [
          l.kind,
          l.txnId,
          l.amountKop,
          l.ourAmountKop,
        ],
      ),
      [
        ["missing_ours", "R-9", 3_317, null],
        ["missing_theirs", "R-3", null, 7_525],
      ],
    );
    assert.deepEqual(await ledger(), before, "a reconciliation writes nothing to the ledger");
    const stored = await db()
      .database.db.selectFrom("partner_reconciliation_lines")
      .select(["kind", "txn_id"])
      .where("reconciliation_id", "=", r.id)
      .orderBy("line_no")
      .execute();
    assert.deepEqual(
      stored.map((l) => l.kind),
      ["missing_ours", "missing_theirs"],
    );

    // The administrator posts the line we lacked: once.
    const ref = { code: bank.code, reconciliationId: r.id, lineNo: 1 } as InputOf<"postReconciliationLine">;
    const posted = await callUseCase(db().deps, "postReconciliationLine", await admin(), ref);
    assert.equal(posted.created, true);
    assert.equal(posted.amountKop, 3_317);
    await assert.rejects(
      callUseCase(db().deps, "postReconciliationLine", await admin(), ref),
      (e) => e instanceof AppError && e.code === "partner_reconciliation_line_resolved",
    );
    await assert.rejects(
      callUseCase(db().deps, "dismissReconciliationLine", await admin(), ref),
      (e) => e instanceof AppError && e.code === "partner_reconciliation_line_resolved",
    );
    await assert.rejects(
      callUseCase(db().deps, "postReconciliationLine", await admin(), { ...ref, lineNo: 2 }),
      (e) => e instanceof AppError && e.code === "partner_reconciliation_line_not_postable",
    );
    const after = await ledger();
    assert.equal(after.n, before.n + 1);
    assert.equal(after.kop, before.kop - 3_317);
    const payment = await db()
      .database.db.selectFrom("partner_payments")
      .select(["channel", "amount_kop", "paid_on"])
      .where("txn_id", "=", "R-9")
      .executeTakeFirstOrThrow();
    assert.equal(payment.channel, "reconciliation");
    assert.equal(Number(payment.amount_kop), 3_317);
    assert.equal(payment.paid_on, DAY);

    // The partner's own file, imported afterwards: every line is already in the ledger.
    const report = await importFile(theirs, "theirs.csv");
    assert.equal(report.posted, 0);
    assert.equal(report.duplicates, 3, JSON.stringify(report.problems));
    assert.deepEqual(await ledger(), after);

    // The day's registry now has R-9 too, and a new reconciliation of the same file finds only R-3 missing.
    const again = await call({
      method: "POST",
      path: `${V1}/reconciliations?day=${DAY}`,
      rawBody: theirs,
      contentType: "text/csv",
    });
    assert.deepEqual(again.json().missingOurs, { count: 0, kop: 0 });
    assert.deepEqual(again.json().matched, { count: 3, kop: 38_367 });
  });

  it("refuses a file the import could not read, storing nothing", async () => {
    const count = async () =>
      (await db().database.db.selectFrom("partner_reconciliations").select("id").execute()).length;
    const before = await count();
    const res = await call({
      method: "POST",
      path: `${V1}/reconciliations?day=${DAY}`,
      rawBody: "who;what\nx;y\n",
      contentType: "text/csv",
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "registry_header_invalid");
    assert.equal(await count(), before);
  });

  it("the OpenAPI document shows the registry's day and the reconciliation's CSV body", async () => {
    const doc = (await app.inject({ url: "/api/partners/openapi.json" })).json();
    const upload = doc.paths["/api/partners/v1/reconciliations"].post;
    assert.ok(upload.requestBody.content["text/csv"]);
    assert.deepEqual(
      upload.parameters.map((p: { name: string }) => p.name),
      ["day", "fileName"],
    );
    assert.equal(doc.paths["/api/partners/v1/registry"].get.parameters[0].name, "day");
  });

  it("the console lists a reconciliation's lines and posts the one we lack", async () => {
    const theirs = `${HEADER}\nR-1;${region.account.number};250.00;${DAY};${edrpou};;\nR-12;${region.account.number};12.34;${DAY};${edrpou};;\n`;
    const res = await call({
      method: "POST",
      path: `${V1}/reconciliations?day=${DAY}`,
      rawBody: theirs,
      contentType: "text/csv",
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    const line = res.json().lines.find((l: { txnId: string }) => l.txnId === "R-12").lineNo;

    const console = await signedInStaff(app, "platformAdmin");
    const page = await console.get(`/console/partners/${bank.code}/reconciliations`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes("R-12"), "the line we lack is listed");
    const action = `/console/partners/${bank.code}/reconciliations/${id}/lines/${line}/post`;
    assert.ok(page.body.includes(`action="${action}"`), "with its Post form");

    const before = await ledger();
    const done = await console.post(action, {});
    assert.equal(done.status, 200);
    assert.ok(!done.body.includes(`action="${action}"`), "a posted line has no Post form any more");
    assert.equal((await ledger()).n, before.n + 1);
    assert.equal((await ledger()).kop, before.kop - 1_234);
    const twice = await console.post(action, {});
    assert.equal(twice.status, 409);
    assert.equal((await ledger()).n, before.n + 1, "a second Post posts nothing");

    // To a provider's administrator the page does not exist, nor its forms.
    const staff = await signedInStaff(app, "administrator");
    assert.equal((await staff.get(`/console/partners/${bank.code}/reconciliations`)).status, 404);
    assert.equal((await staff.post(action.replace(/post$/, "dismiss"), {})).status, 404);
  });
});
