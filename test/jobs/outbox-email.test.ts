// E-mail really leaves: a sign-up's code goes through the outbox, the delivery job (pg-boss, woken right after
// the commit) and SMTP to a real SMTP server process, and arrives with the code in the person's language. A
// server that refuses is counted as a failed attempt and tried again.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type PgBoss from "pg-boss";
import pino from "pino";
import { openDatabase } from "../../src/db/database.ts";
import { type SmtpSender, smtpSender } from "../../src/gateways/mail/smtp-sender.ts";
import { startBoss } from "../../src/jobs/boss.ts";
import { type OutboxDelivery, startOutboxDelivery } from "../../src/jobs/outbox-job.ts";
import { deliverOutbox } from "../../src/services/outbox/deliver-outbox.ts";
import { forEachDatabase, postgresUrl } from "../support/databases.ts";
import { freePort } from "../support/free-port.ts";
import { quietApp } from "../support/http.ts";

interface Received {
  envelope: { from: string; to: string[] };
  subject: string;
  headers: Record<string, string>;
  text: string;
}

/** The SMTP sink as a child process; resolves once it listens. */
async function startSink(): Promise<{
  port: number;
  child: ChildProcess;
  next(to: string): Promise<Received>;
}> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/smtp-sink.ts", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  let ready: () => void;
  const listening = new Promise<void>((resolve) => {
    ready = resolve;
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const event = JSON.parse(line);
    if ("listening" in event) return ready();
    received.push(event);
    for (const wake of waiting.splice(0)) wake();
  });
  await listening;
  return {
    port,
    child,
    async next(to) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const found = received.find((m) => m.envelope.to.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within 30 s`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 500);
        });
      }
    },
  };
}

forEachDatabase("e-mail delivery through SMTP", (get, engine) => {
  const schema = `boss_${randomBytes(5).toString("hex")}`;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let boss: PgBoss;
  let mail: SmtpSender;
  let delivery: OutboxDelivery;
  let app: FastifyInstance;
  const errors: Error[] = [];

  before(async () => {
    sink = await startSink();
    mail = smtpSender(`smtp://127.0.0.1:${sink.port}`);
    boss = await startBoss(get().database, {
      databaseUrl: postgresUrl,
      schema,
      background: false,
      onError: (e) => errors.push(e),
    });
    delivery = await startOutboxDelivery(boss, get().deps, pino({ level: "silent" }), { email: mail.send });
    app = await quietApp(get().deps);
  });
  after(async () => {
    delivery?.stop();
    await app?.close();
    await boss?.stop({ graceful: false });
    mail?.close();
    sink?.child.kill("SIGTERM");
    assert.deepEqual(errors, [], "pg-boss reported no errors");
    if (engine === "postgres" && postgresUrl) {
      const admin = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  });

  for (const [lang, subject, words] of [
    ["en", /^Your Abonent sign-up code: (\d{6})$/, /is your code to sign up to Abonent\. Valid for 10 min\./],
    ["uk", /^Код для реєстрації в Abonent: (\d{6})$/, /ваш код для реєстрації в Abonent\. Діє 10 хв\./],
  ] as const) {
    test(`a sign-up code in ${lang} arrives by e-mail right after the request, and confirms the sign-up`, async () => {
      const login = `mail-${lang}-${Date.now()}@test.abonent.ua`;
      const started = await app.inject({
        method: "POST",
        url: "/api/sign-up",
        headers: { "accept-language": lang },
        payload: { login, password: "calm river under old bridge", fullName: "Mail Test" },
      });
      assert.equal(started.statusCode, 200, started.body);
      const message = await sink.next(login);
      assert.deepEqual(message.envelope.to, [login]);
      assert.equal(message.headers["content-language"], lang);
      const code = subject.exec(message.subject)?.[1];
      assert.ok(code, message.subject);
      assert.match(message.text, words);
      assert.ok(message.text.includes(code));
      const row = await get()
        .database.db.selectFrom("outbox")
        .selectAll()
        .where("address", "=", login)
        .executeTakeFirstOrThrow();
      // The row is marked once the server accepted it (just after the sink printed it).
      for (let i = 0; i < 50 && !(await sentAt(row.id)); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(await sentAt(row.id));
      const confirmed = await app.inject({
        method: "POST",
        url: "/api/sign-up/confirm",
        payload: { login, code },
      });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
    });
  }

  const sentAt = async (id: number) =>
    (
      await get()
        .database.db.selectFrom("outbox")
        .select("sent_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).sent_at;

  test("a server that cannot be reached costs an attempt, with its reason; SMS rows wait for their sender", async () => {
    const { db } = get().database;
    const dead = smtpSender(`smtp://127.0.0.1:${await freePort()}`);
    const created = new Date();
    const [emailRow, smsRow] = await db
      .insertInto("outbox")
      .values([
        {
          channel: "email",
          address: "x@test.abonent.ua",
          locale: "uk",
          template: "t",
          subject: "s",
          body: "b",
          created_at: created,
        },
        {
          channel: "sms",
          address: "+380671234567",
          locale: "uk",
          template: "t",
          subject: null,
          body: "b",
          created_at: created,
        },
      ])
      .returning("id")
      .execute();
    // Delivered by hand here (the job's worker might take it first with the live server).
    delivery.stop();
    await boss.offWork("outbox-delivery");
    const result = await deliverOutbox(get().deps, { email: dead.send });
    dead.close();
    assert.ok(result.failed >= 1);
    const failed = await db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", emailRow!.id)
      .executeTakeFirstOrThrow();
    assert.equal(failed.sent_at, null);
    assert.equal(failed.attempts, 1);
    assert.match(failed.last_error ?? "", /ECONNREFUSED|connect/i);
    const sms = await db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", smsRow!.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([sms.sent_at, sms.attempts], [null, 0]);
  });
});
