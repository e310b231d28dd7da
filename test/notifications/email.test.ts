// A notification by e-mail really leaves: the window opening's message goes through the outbox and SMTP to a real
// SMTP server process (the smtp-server package, test/support/smtp-sink.ts), and is read back there in the person's
// language with its way out: a link to the cabinet's settings in the text and a List-Unsubscribe header.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { type SmtpSender, smtpSender } from "../../src/gateways/mail/smtp-sender.ts";
import { notifyWindows } from "../../src/services/notifications/window-notifications.ts";
import { deliverOutbox } from "../../src/services/outbox/deliver-outbox.ts";
import { forEachDatabase } from "../support/databases.ts";
import { freePort } from "../support/free-port.ts";
import { createReadingsFixture } from "../support/readings-fixture.ts";

interface Received {
  envelope: { from: string; to: string[] };
  subject: string;
  headers: Record<string, string>;
  text: string;
}

async function startSink(): Promise<{ child: ChildProcess; port: number; received: Received[] }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/smtp-sink.ts", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const received: Received[] = [];
  await new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const event = JSON.parse(line);
      if ("listening" in event) resolve();
      else received.push(event);
    });
  });
  return { child, port, received };
}

forEachDatabase("notifications by e-mail", (get) => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let mail: SmtpSender;

  before(async () => {
    await createReadingsFixture(get().database);
    sink = await startSink();
    mail = smtpSender(`smtp://127.0.0.1:${sink.port}`, undefined, { cabinetUrl: "http://cabinet.test/" });
  });
  after(() => {
    mail?.close();
    sink?.child.kill("SIGTERM");
  });

  test("the window opening arrives by SMTP with a link to unsubscribe and a List-Unsubscribe header", async () => {
    const { db } = get().database;
    await db.updateTable("users").set({ locale: "en" }).where("email", "=", "petro@example.org").execute();
    // Petro's account has no meter in the fixture; he gets one, so the window concerns him.
    const petroAccount = await db
      .selectFrom("user_accounts")
      .innerJoin("users", "users.id", "user_accounts.user_id")
      .select(["user_accounts.account_id", "user_accounts.provider_id"])
      .where("users.email", "=", "petro@example.org")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("meters")
      .values({
        account_id: petroAccount.account_id,
        provider_id: petroAccount.provider_id,
        service_code: "electricity",
        serial: "P-1",
        digits: 6,
        installed_on: "2019-01-01",
      })
      .execute();
    get().setNow("2019-07-29T10:00:00+03:00");
    const queued = await notifyWindows(get().deps);
    assert.equal(queued.opens, 2);
    const result = await deliverOutbox(get().deps, { email: mail.send });
    assert.deepEqual([result.sent, result.failed], [2, 0]);

    for (let i = 0; i < 100 && sink.received.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    const toPetro = sink.received.find((m) => m.envelope.to.includes("petro@example.org"));
    assert.ok(toPetro, "Petro's e-mail arrived");
    assert.equal(toPetro.subject, "Time to submit your readings: electricity");
    assert.equal(toPetro.headers["content-language"], "en");
    assert.equal(toPetro.headers["list-unsubscribe"], "<http://cabinet.test/settings>");
    assert.match(toPetro.text, /power: readings \(electricity\) are taken until 2 August 2019 inclusive\./);
    assert.match(toPetro.text, /Unsubscribe or choose another way: http:\/\/cabinet\.test\/settings/);
    assert.ok(!toPetro.text.includes("{cabinet}"));

    const toOlena = sink.received.find((m) => m.envelope.to.includes("olena@example.org"));
    assert.equal(toOlena?.subject, "Час передати показники: електроенергія");
    assert.match(
      toOlena?.text ?? "",
      /Відписатися або вибрати інший спосіб: http:\/\/cabinet\.test\/settings/,
    );
  });

  test("a code (no notification) carries no List-Unsubscribe", async () => {
    const { db } = get().database;
    await db
      .insertInto("outbox")
      .values({
        channel: "email",
        address: "code@example.org",
        locale: "uk",
        template: "sign_in_code",
        subject: "Код",
        body: "123456 — ваш код",
        created_at: new Date(),
      })
      .execute();
    await deliverOutbox(get().deps, { email: mail.send });
    for (let i = 0; i < 100 && !sink.received.some((m) => m.envelope.to.includes("code@example.org")); i++)
      await new Promise((r) => setTimeout(r, 50));
    const code = sink.received.find((m) => m.envelope.to.includes("code@example.org"));
    assert.ok(code);
    assert.equal(code.headers["list-unsubscribe"], undefined);
  });
});
