// The operator's queue of bank registry lines over HTTP: lines of a bank's file that matched no account (or could not
// be read) show to their provider's staff; posting one to an account typed any way makes exactly one ledger entry,
// however often and however concurrently it is asked; returning one marks it returned with the reason; a number the
// provider has no account under is refused beside the field; staff of another provider neither see nor reach them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { AppError } from "../../src/services/errors.ts";
import { importPaymentRegistry } from "../../src/services/registries/import-payment-registry.ts";
import { callUseCase } from "../../src/services/registry.ts";
import type { CabinetClient } from "../support/cabinet-client.ts";
import { textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

forEachDatabase("console: unmatched registry lines", (get) => {
  let app: FastifyInstance;
  let operator: CabinetClient;
  let outsider: CabinetClient;
  let registryId: number;
  /** A file uploaded for DEU: its malformed line is DEU's (a malformed line names no recipient of its own). */
  let uploadId: number;
  let deuAccounts: { id: number; number: string }[];

  const db = () => get().database.db;
  const lineOf = (lineNo: number, registry = registryId) =>
    db()
      .selectFrom("registry_lines")
      .selectAll()
      .where("registry_id", "=", registry)
      .where("line_no", "=", lineNo)
      .executeTakeFirstOrThrow();
  const registry = (id = registryId) =>
    db().selectFrom("payment_registries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const entriesOf = (reference: string) =>
    db()
      .selectFrom("ledger_entries")
      .select(["account_id", "amount_kop", "period", "source_ref", "kind"])
      .where("source", "=", "bank_registry")
      .where("source_ref", "=", `standard:${reference}`)
      .execute();
  const ledgerCount = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ledger_entries`.execute(db())).rows[0]!.n,
    );

  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    const providers = await db().selectFrom("providers").select(["code", "edrpou"]).execute();
    const edrpou = (code: string) => providers.find((p) => p.code === code)!.edrpou;
    deuAccounts = await db()
      .selectFrom("accounts as a")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .select(["a.id", "a.number"])
      .where("p.code", "=", "deu")
      .orderBy("a.id")
      .limit(3)
      .execute();
    const csv = [
      "reference,account,amount,paid_on,payer,provider_edrpou",
      `CL-1,99-999999/9,150.00,2026-11-20,Шевченко Тарас,${edrpou("deu")}`,
      `CL-2,99-999998/9,275.50,2026-11-21,Ковальчук Галина,${edrpou("deu")}`,
      `CL-4,ВК9999999,80.00,2026-11-21,Мельник Петро,${edrpou("mariupol-vkg")}`,
    ].join("\n");
    const report = await importPaymentRegistry(get().deps, {
      source: "standard",
      fileName: "bank-2026-11-21.csv",
      content: new TextEncoder().encode(`${csv}\n`),
      importedBy: "cli",
    });
    registryId = report.registryId;
    assert.equal(report.unmatched, 3);
    const deu = await db()
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "deu")
      .executeTakeFirstOrThrow();
    const upload = await importPaymentRegistry(get().deps, {
      source: "standard",
      fileName: "upload-deu.csv",
      content: new TextEncoder().encode(
        `reference,account,amount,paid_on,payer\nCL-3,99-999997/9,двісті,2026-11-21,Бондар Ірина\n`,
      ),
      providerId: deu.id,
      importedBy: "cli",
    });
    uploadId = upload.registryId;
    assert.equal(upload.malformed, 1);
    operator = await signedInStaff(app, "operator");
    const email = await addStaff(get().database, {
      providerCode: "mariupol-vkg",
      role: "operator",
      email: "operator@vkg.lines.test",
    });
    outsider = await signedInStaff(app, { email });
  });
  after(async () => {
    await app?.close();
  });

  test("the queue shows its provider's open lines with what the bank wrote, and not another provider's", async () => {
    const page = await operator.get("/console/registry-lines");
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Нерозпізнані платежі з реєстрів/);
    for (const t of ["Шевченко Тарас", "99-999999/9", "bank-2026-11-21.csv, рядок 2", "Ковальчук Галина"])
      assert.ok(text.includes(t), t);
    assert.match(text, /150,00/);
    assert.ok(!text.includes("Мельник Петро"), "another provider's line is not shown");
    assert.match(page.body, /<caption>/);
    assert.match(page.body, new RegExp(`action="/console/registry-lines/${registryId}/2/assign"`));
    // The malformed line (of the file uploaded for DEU) can only be returned.
    assert.ok(text.includes("Бондар Ірина"));
    assert.ok(!page.body.includes(`action="/console/registry-lines/${uploadId}/2/assign"`));
    assert.match(page.body, new RegExp(`action="/console/registry-lines/${uploadId}/2/return"`));

    const theirs = textOf((await outsider.get("/console/registry-lines")).body);
    assert.ok(theirs.includes("Мельник Петро"), "their own line");
    assert.ok(!theirs.includes("Шевченко Тарас"), "not DEU's");
  });

  test("another provider's staff cannot settle a line: 404, nothing written", async () => {
    const before = { line: await lineOf(2), registry: await registry(), ledger: await ledgerCount() };
    await outsider.get("/console/registry-lines");
    const assign = await outsider.post(`/console/registry-lines/${registryId}/2/assign`, {
      number: deuAccounts[0]!.number,
    });
    assert.equal(assign.status, 404);
    const back = await outsider.post(`/console/registry-lines/${registryId}/2/return`, { reason: "не наш" });
    assert.equal(back.status, 404);
    assert.deepEqual(await lineOf(2), before.line);
    assert.deepEqual(await registry(), before.registry);
    assert.equal(await ledgerCount(), before.ledger);
  });

  test("a number the provider has no account under is refused beside the field, nothing written", async () => {
    const before = { line: await lineOf(2), ledger: await ledgerCount() };
    await operator.get("/console/registry-lines");
    const page = await operator.post(`/console/registry-lines/${registryId}/2/assign`, {
      number: "77-000000/0",
    });
    assert.equal(page.status, 422);
    assert.match(textOf(page.body), /Рахунку «77-000000\/0» у постачальника deu немає/);
    assert.match(page.body, new RegExp(`id="number-${registryId}-2" name="number"[^>]*aria-invalid="true"`));
    const empty = await operator.post(`/console/registry-lines/${registryId}/2/assign`, { number: " " });
    assert.equal(empty.status, 422);
    assert.match(textOf(empty.body), /Введіть номер особового рахунку/);
    assert.deepEqual(await lineOf(2), before.line);
    assert.equal(await ledgerCount(), before.ledger);
  });

  test("assigned to an account typed any way: posted once, as a matched line; a second assign is a conflict", async () => {
    const account = deuAccounts[0]!;
    const before = await registry();
    await operator.get("/console/registry-lines");
    const typed = ` ${account.number.replace(/[-/]/g, " ")} `;
    const page = await operator.post(`/console/registry-lines/${registryId}/2/assign`, { number: typed });
    assert.equal(page.status, 200);
    assert.match(page.location ?? "", /^\/console\/registry-lines\?done=assigned/);
    assert.ok(textOf(page.body).includes(`зараховано на рахунок ${account.number}`));
    assert.ok(!page.body.includes(`/console/registry-lines/${registryId}/2/assign"`), "gone from the queue");

    assert.deepEqual(await entriesOf("CL-1"), [
      {
        account_id: account.id,
        amount_kop: -15_000,
        period: "2026-11-01",
        source_ref: "standard:CL-1",
        kind: "payment",
      },
    ]);
    const line = await lineOf(2);
    assert.equal(line.outcome, "posted");
    assert.equal(line.account_id, account.id);
    assert.equal(line.reason, null);
    assert.equal(line.settled_from, "unmatched");
    assert.equal(line.settled_reason, "account_unknown");
    assert.ok(line.settled_by && line.settled_at);
    const after = await registry();
    assert.equal(after.posted, before.posted + 1);
    assert.equal(after.unmatched, before.unmatched - 1);
    assert.equal(after.posted_kop, before.posted_kop + 15_000);

    const again = await operator.post(`/console/registry-lines/${registryId}/2/assign`, {
      number: account.number,
    });
    assert.equal(again.status, 409);
    assert.match(textOf(again.body), /вже не відкритий: платіж зараховано на рахунок/);
    assert.equal((await entriesOf("CL-1")).length, 1);
  });

  test("two assigns at once post it once", async () => {
    const staff = await db()
      .selectFrom("users")
      .innerJoin("staff_roles", "staff_roles.user_id", "users.id")
      .select(["users.id", "staff_roles.provider_id"])
      .where("users.email", "=", DEMO_PEOPLE.operator.email)
      .executeTakeFirstOrThrow();
    const actor = {
      kind: "staff",
      userId: staff.id,
      role: "operator",
      providerId: staff.provider_id!,
      locale: "uk",
    } as const;
    const attempt = (accountId: number) =>
      callUseCase(
        get().deps,
        "assignRegistryLine",
        { actor, channel: "contact_centre", locale: "uk" },
        { registryId, lineNo: 3, accountId },
      ).then(
        () => "posted",
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    const results = await Promise.all([attempt(deuAccounts[1]!.id), attempt(deuAccounts[2]!.id)]);
    assert.deepEqual(results.sort(), ["posted", "registry_line_settled"]);
    const entries = await entriesOf("CL-2");
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.amount_kop, -27_550);
    assert.equal((await lineOf(3)).account_id, entries[0]!.account_id);
  });

  test("returned to the bank with a reason; without one it is refused; a malformed line cannot be posted", async () => {
    const before = await registry(uploadId);
    await operator.get("/console/registry-lines");
    const empty = await operator.post(`/console/registry-lines/${uploadId}/2/return`, { reason: "" });
    assert.equal(empty.status, 422);
    assert.match(textOf(empty.body), /Напишіть, чому платіж повертається банку/);
    assert.equal((await lineOf(2, uploadId)).outcome, "malformed");

    const token = await signInAs(app, DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
    const post = await call(app, "POST", `/api/registry-lines/${uploadId}/2/assign`, {
      token,
      body: { accountId: deuAccounts[0]!.id },
    });
    assert.equal(post.status, 409);
    assert.equal(post.body.error.code, "registry_line_not_payable");

    const page = await operator.post(`/console/registry-lines/${uploadId}/2/return`, {
      reason: "Сума нечитабельна, просимо виправити",
    });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /позначено як повернений банку/);
    const line = await lineOf(2, uploadId);
    assert.equal(line.outcome, "returned");
    assert.equal(line.return_note, "Сума нечитабельна, просимо виправити");
    assert.equal(line.reason, "amount_malformed");
    assert.equal(line.settled_from, "malformed");
    const after = await registry(uploadId);
    assert.equal(after.returned, before.returned + 1);
    assert.equal(after.malformed, before.malformed - 1);
    assert.equal(
      after.lines,
      after.posted + after.duplicates + after.unmatched + after.malformed + after.returned,
    );

    const list = await call(app, "GET", "/api/registry-lines/unmatched", { token });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.lines, [], "nothing of DEU's is open any more");
  });
});
