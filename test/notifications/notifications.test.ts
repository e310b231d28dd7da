// Notifications end to end on both databases: a window opening reaches each person once, by the channel they
// chose (e-mail, Telegram, Messenger) and not in a chat where they said STOP; two days before closing only those
// with no reading yet are reminded, and a reminder made at night waits until 08:00; a reading's outcome reaches the
// account's people; Telegram messages go to a local fake Bot API within its limits (a 429 pauses and is retried);
// Messenger outside its 24-hour window falls back to e-mail, or is dropped with its reason.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { OutboxMessage } from "../../src/db/tables/identity.table.ts";
import type { ChatClient, ChatOutgoing } from "../../src/gateways/chat/chat-message.ts";
import { telegramClient } from "../../src/gateways/chat/telegram-api.ts";
import { chatDelivery } from "../../src/jobs/notification-senders.ts";
import { notifyWindows } from "../../src/services/notifications/window-notifications.ts";
import { deliverOutbox } from "../../src/services/outbox/deliver-outbox.ts";
import { submitReading } from "../../src/services/readings/submit-reading.ts";
import { rejectReading } from "../../src/services/reviews/reject-reading.ts";
import { forEachDatabase } from "../support/databases.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { createReadingsFixture, type ReadingsFixture, userIdByEmail } from "../support/readings-fixture.ts";

// The electricity window of the fixture: the last three days of the month to the 2nd; July 2019's opens on the
// 29th and closes on 2 August.
const OPENING_DAY = "2019-07-29T10:00:00+03:00";
const TWO_DAYS_LEFT_AT_NIGHT = "2019-07-31T22:30:00+03:00";
const NEXT_MORNING = "2019-08-01T08:00:00+03:00";

interface People {
  olena: number;
  taras: number;
  stepan: number;
  mykola: number;
  ivan: number;
  oksana: number;
}

forEachDatabase("notifications", (get) => {
  let f: ReadingsFixture;
  let people: People;
  let telegram: FakeTelegram;
  let petroMeter: number;

  before(async () => {
    const { db } = get().database;
    f = await createReadingsFixture(get().database);
    telegram = await FakeTelegram.start();
    // Petro's account gets a meter (with its first reading), so his household is told of the window too.
    petroMeter = (
      await db
        .insertInto("meters")
        .values({
          account_id: f.accounts.petro,
          provider_id: f.power,
          service_code: "electricity",
          serial: "PETRO",
          digits: 6,
          installed_on: "2019-06-01",
          verification_due: "2030-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("readings")
      .values({
        account_id: f.accounts.petro,
        provider_id: f.power,
        meter_id: petroMeter,
        zone: 1,
        value: "1000",
        kind: "initial",
        taken_at: new Date("2019-06-01T09:00:00Z"),
        submitted_at: new Date("2019-06-01T09:00:00Z"),
        deemed_on: "2019-06-01",
        period: "2019-06-01",
        channel: "import",
        actor_user_id: null,
        submission_id: "00000000-0000-4000-8000-990000000001",
        receipt: "SEED-0001",
        raw_input: "1000",
        status: "accepted",
      })
      .execute();
    const person = async (
      o: { phone: string; locale?: "uk" | "ru" | "en"; channel?: "telegram" | "messenger" | "email" },
      account: number,
      chat?: { platform: "telegram" | "messenger"; id: string; subscribed?: boolean; lastInboundAt?: Date },
    ) => {
      const id = (
        await db
          .insertInto("users")
          .values({
            phone: o.phone,
            full_name: o.phone,
            locale: o.locale ?? "uk",
            reminder_channel: o.channel ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto("user_accounts")
        .values({ account_id: account, user_id: id, provider_id: f.power })
        .execute();
      if (chat) {
        await db
          .insertInto("identities")
          .values({
            user_id: id,
            kind: chat.platform,
            external_id: chat.id,
            verified_at: new Date("2019-01-01"),
          })
          .execute();
        await db
          .insertInto("conversations")
          .values({
            platform: chat.platform,
            chat_id: chat.id,
            state: JSON.stringify({}),
            subscribed: chat.subscribed ?? true,
            last_inbound_at: chat.lastInboundAt ?? null,
            created_at: new Date("2019-01-01"),
            updated_at: new Date("2019-01-01"),
          })
          .execute();
      }
      return id;
    };
    const olena = await userIdByEmail(get().database, "olena@example.org");
    const day = 24 * 3600_000;
    people = {
      olena,
      // Telegram, in Russian, shares Petro's account.
      taras: await person({ phone: "+380671000001", locale: "ru", channel: "telegram" }, f.accounts.petro, {
        platform: "telegram",
        id: "5001",
      }),
      // Telegram chosen, but said STOP there: nothing at all.
      stepan: await person({ phone: "+380671000002", channel: "telegram" }, f.accounts.olena, {
        platform: "telegram",
        id: "5002",
        subscribed: false,
      }),
      // Messenger, last wrote three days before the window: it falls back to his e-mail.
      mykola: await person({ phone: "+380671000003", locale: "en", channel: "messenger" }, f.accounts.olena, {
        platform: "messenger",
        id: "psid-3",
        lastInboundAt: new Date(new Date(OPENING_DAY).getTime() - 3 * day),
      }),
      // Messenger, three days silent, and no e-mail or phone left: dropped.
      ivan: await person({ phone: "+380671000004", channel: "messenger" }, f.accounts.olena, {
        platform: "messenger",
        id: "psid-4",
        lastInboundAt: new Date(new Date(OPENING_DAY).getTime() - 3 * day),
      }),
      // Messenger, wrote an hour before: the chat takes it.
      oksana: await person({ phone: "+380671000005", channel: "messenger" }, f.accounts.olena, {
        platform: "messenger",
        id: "psid-5",
        lastInboundAt: new Date(new Date(OPENING_DAY).getTime() - 3600_000),
      }),
    };
    await db
      .insertInto("identities")
      .values({
        user_id: people.mykola,
        kind: "email",
        external_id: "mykola@example.org",
        verified_at: new Date(),
      })
      .execute();
    await db
      .deleteFrom("identities")
      .where("user_id", "=", people.ivan)
      .where("kind", "=", "phone")
      .execute();
  });
  after(async () => {
    await telegram?.close();
  });

  const outboxOf = (userId: number, template?: string) =>
    get()
      .database.db.selectFrom("outbox")
      .innerJoin("notifications", "notifications.id", "outbox.notification_id")
      .selectAll("outbox")
      .where("notifications.user_id", "=", userId)
      .$if(template !== undefined, (q) => q.where("outbox.template", "=", template!))
      .orderBy("outbox.id")
      .execute();

  test("a window opening reaches each person once, by the channel they chose", async () => {
    get().setNow(OPENING_DAY);
    const result = await notifyWindows(get().deps);
    // Olena (e-mail), Petro (e-mail), Taras (Telegram), Mykola, Ivan and Oksana (Messenger); Stepan said STOP.
    assert.equal(result.opens, 6);
    assert.equal(result.closes, 0);

    const [olenaMail] = await outboxOf(people.olena);
    assert.equal(olenaMail?.channel, "email");
    assert.equal(olenaMail?.address, "olena@example.org");
    assert.equal(olenaMail?.subject, "Час передати показники: електроенергія");
    assert.match(
      olenaMail?.body ?? "",
      /прийом показників \(електроенергія\) відкрито до 2 серпня 2019 включно/,
    );
    assert.match(olenaMail?.body ?? "", /Відписатися або вибрати інший спосіб: \{cabinet\}\/settings/);
    assert.equal(olenaMail?.not_before, null);

    const [tarasChat] = await outboxOf(people.taras);
    assert.deepEqual([tarasChat?.channel, tarasChat?.address, tarasChat?.locale], ["telegram", "5001", "ru"]);
    assert.match(tarasChat?.body ?? "", /приём показаний \(электроэнергия\) открыт до 2 августа 2019/);
    assert.match(tarasChat?.body ?? "", /отправьте СТОП/);
    assert.equal(tarasChat?.subject, null);

    assert.deepEqual(await outboxOf(people.stepan), [], "a chat where the person said STOP gets nothing");
    const stepanLog = await get()
      .database.db.selectFrom("notifications")
      .select("id")
      .where("user_id", "=", people.stepan)
      .execute();
    assert.deepEqual(stepanLog, []);
    assert.equal((await outboxOf(people.mykola))[0]?.channel, "messenger");
  });

  test("the same event a second time sends nothing", async () => {
    const before = await get()
      .database.db.selectFrom("outbox")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const again = await notifyWindows(get().deps);
    assert.deepEqual([again.opens, again.closes], [0, 0]);
    const after = await get()
      .database.db.selectFrom("outbox")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test("a reading's acceptance reaches the account's other people; the one who submitted it has the receipt", async () => {
    get().setNow("2019-07-30T12:00:00+03:00");
    const result = await submitReading(get().deps, {
      actor: { kind: "resident", userId: people.taras, locale: "ru" },
      channel: "web",
      accountId: f.accounts.petro,
      meterId: petroMeter,
      values: [{ zone: 1, value: "1150" }],
    });
    assert.ok(result.status === "accepted" && !result.review, JSON.stringify(result));
    assert.deepEqual(await outboxOf(people.taras, "reading_accepted"), []);
    const petro = await userIdByEmail(get().database, "petro@example.org");
    const [toPetro] = await outboxOf(petro, "reading_accepted");
    assert.equal(toPetro?.address, "petro@example.org");
    assert.equal(toPetro?.subject, `Показники прийнято, квитанція ${result.receipt}`);
    assert.ok(
      toPetro?.body.startsWith(`Показники за рахунком 77-777/7 прийнято. Квитанція ${result.receipt}.`),
    );
  });

  test("an operator's rejection reaches everyone on the account, with the reason", async () => {
    const { db } = get().database;
    // Petro's next figure is implausibly high: flagged for review (told to Taras, not to Petro who sent it).
    const petro = await userIdByEmail(get().database, "petro@example.org");
    const flagged = await submitReading(get().deps, {
      actor: { kind: "resident", userId: petro, locale: "uk" },
      channel: "web",
      accountId: f.accounts.petro,
      meterId: petroMeter,
      values: [{ zone: 1, value: "99150" }],
      confirmed: true,
    });
    assert.ok(flagged.status === "accepted" && flagged.review, JSON.stringify(flagged));
    const [toTaras] = await outboxOf(people.taras, "reading_flagged");
    assert.match(toTaras?.body ?? "", /переданы на проверку/);
    const reading = await db
      .selectFrom("readings")
      .select("id")
      .where("receipt", "=", flagged.receipt)
      .executeTakeFirstOrThrow();
    const operator = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "operator@power.example.org")
      .executeTakeFirstOrThrow();
    await rejectReading(get().deps, {
      actor: { kind: "staff", userId: operator.id, role: "operator", providerId: f.power, locale: "uk" },
      accountId: f.accounts.petro,
      readingId: reading.id,
      reason: "Лічильник показує менше",
    });
    const [rejectedToTaras] = await outboxOf(people.taras, "reading_reviewed");
    assert.match(
      rejectedToTaras?.body ?? "",
      /Показания по счёту 77-777\/7 отклонены: Лічильник показує менше\./,
    );
    const [rejectedToPetro] = await outboxOf(petro, "reading_reviewed");
    assert.match(
      rejectedToPetro?.body ?? "",
      /Показники за рахунком 77-777\/7 відхилено: Лічильник показує менше\./,
    );
  });

  test("two days before closing only those with no reading are reminded, and at night it waits until 08:00", async () => {
    get().setNow(TWO_DAYS_LEFT_AT_NIGHT);
    const result = await notifyWindows(get().deps);
    assert.equal(result.opens, 0);
    // Olena's household (Olena, Mykola, Ivan, Oksana) has meters without a July reading; Petro's account has its
    // reading now, so neither Petro nor Taras is reminded.
    assert.equal(result.closes, 4);
    assert.deepEqual(await outboxOf(people.taras, "window_closes"), []);
    const [reminder] = await outboxOf(people.olena, "window_closes");
    assert.deepEqual(reminder?.not_before, new Date(NEXT_MORNING));

    // Delivered at 23:00 nothing of it leaves; at 08:00 it does.
    const sent: OutboxMessage[] = [];
    const mail = async (m: OutboxMessage) => {
      sent.push(m);
    };
    get().setNow("2019-07-31T23:00:00+03:00");
    await deliverOutbox(get().deps, { email: mail });
    assert.ok(sent.length > 0, "the day's e-mails leave");
    assert.ok(!sent.some((m) => m.template === "window_closes"), "the night's reminder waits");
    get().setNow(NEXT_MORNING);
    sent.length = 0;
    await deliverOutbox(get().deps, { email: mail });
    assert.deepEqual(
      sent.map((m) => [m.template, m.address]),
      [["window_closes", "olena@example.org"]],
    );
  });

  test("Telegram messages go through the Bot API; a 429 pauses the channel and the message is retried", async () => {
    const client = telegramClient({ token: "42:notify", apiBase: telegram.apiBase });
    const chats = chatDelivery(get().deps, { telegram: client });
    telegram.throttle(1, 1);
    const started = Date.now();
    const result = await deliverOutbox(get().deps, chats.senders, chats.options);
    assert.equal(result.failed, 0);
    assert.equal(result.paused, 1);
    // Taras's window opening, Petro's reading flagged and then rejected, after the one-second pause.
    assert.equal(result.sent, 3);
    assert.ok(Date.now() - started >= 1000, "the channel waited for retry_after");
    // Several requests are on their way at once, so the retried one may arrive after the others.
    const texts = telegram.sentTo("5001").map((c) => String(c.params["text"]));
    assert.equal(texts.length, 3);
    assert.ok(texts.some((t) => /открыт до 2 августа 2019/.test(t)));
    assert.ok(texts.some((t) => /переданы на проверку/.test(t)));
    assert.ok(texts.some((t) => /отклонены: Лічильник показує менше/.test(t)));
    assert.ok(texts.every((t) => t.endsWith("Чтобы не получать уведомления, отправьте СТОП.")));
    assert.deepEqual(telegram.sentTo("5002"), [], "nothing to the chat that said STOP");
    const left = await outboxOf(people.taras);
    assert.ok(left.every((m) => m.sent_at !== null && m.attempts === 1));
  });

  test("Messenger outside 24 hours falls back to e-mail, or is dropped with its reason", async () => {
    const sent: { chatId: string; message: ChatOutgoing }[] = [];
    const messenger: ChatClient = {
      async send(chatId, message) {
        sent.push({ chatId, message });
      },
    };
    get().setNow("2019-08-01T09:00:00+03:00");
    const chats = chatDelivery(get().deps, { messenger });
    const result = await deliverOutbox(get().deps, chats.senders, chats.options);
    // Oksana wrote a day and a bit ago by now: also outside. Her two messages, Mykola's two and Ivan's two close.
    assert.equal(result.sent, 0);
    assert.equal(result.undeliverable, 6);
    assert.deepEqual(sent, []);

    const { db } = get().database;
    const mykola = await outboxOf(people.mykola);
    assert.deepEqual(
      mykola.map((m) => m.channel),
      ["messenger", "messenger", "email", "email"],
    );
    assert.match(mykola[0]?.last_error ?? "", /outside_24h_window; sent by email/);
    assert.equal(mykola[2]?.address, "mykola@example.org");
    assert.equal(mykola[2]?.subject, "Time to submit your readings: electricity");
    assert.match(mykola[2]?.body ?? "", /Unsubscribe or choose another way: \{cabinet\}\/settings/);
    const ivanLog = await db
      .selectFrom("notifications")
      .select(["outcome", "reason"])
      .where("user_id", "=", people.ivan)
      .execute();
    assert.deepEqual(ivanLog, [
      { outcome: "dropped", reason: "outside_24h_window" },
      { outcome: "dropped", reason: "outside_24h_window" },
    ]);
    assert.equal((await outboxOf(people.ivan)).length, 2, "no other channel for Ivan");
  });

  test("a Messenger chat within 24 hours of the person's message takes it", async () => {
    const { db } = get().database;
    await db
      .updateTable("conversations")
      .set({ last_inbound_at: new Date("2019-08-01T08:30:00+03:00") })
      .where("chat_id", "=", "psid-5")
      .execute();
    const closed = await outboxOf(people.oksana);
    // Closed as undeliverable above; queued again as a fresh reminder would be.
    await db
      .updateTable("outbox")
      .set({ attempts: 0, last_error: null })
      .where("id", "=", closed[0]!.id)
      .execute();
    const sent: { chatId: string; message: ChatOutgoing }[] = [];
    const chats = chatDelivery(get().deps, {
      messenger: {
        async send(chatId, message) {
          sent.push({ chatId, message });
        },
      },
    });
    const result = await deliverOutbox(get().deps, chats.senders, chats.options);
    assert.equal(result.sent, 1);
    assert.equal(sent[0]?.chatId, "psid-5");
    assert.match(sent[0]?.message.kind === "text" ? sent[0].message.text : "", /надішліть СТОП/);
  });
});
