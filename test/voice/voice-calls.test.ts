// Whole calls as a PBX makes them: the dialplan announces the call over HTTP, then a test caller speaking
// AudioSocket streams espeak-ng speech and DTMF in real time to the voice bot; speech goes through the whisper-http
// adapter to a local transcription server (it answers each utterance with the call's next scripted line and checks
// the WAV). The reading must land with channel "voice", the call's record with its outcome and recognitions.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pino from "pino";
import { startVoiceBot, type VoiceBot } from "../../src/channels/voice/voice-bot.ts";
import { voiceSettings } from "../../src/config.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { speakAccount } from "../../src/domain/voice/spoken-account.ts";
import { speakNumber } from "../../src/domain/voice/spoken-number.ts";
import { noneRecognizer } from "../../src/gateways/speech/none/none-recognizer.ts";
import { createSpeechRecognizer } from "../../src/gateways/speech/speech-recognizer.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { computeMonthlyStatistics } from "../../src/services/statistics/compute-monthly-statistics.ts";
import { voiceLineActor } from "../../src/services/voice/voice-line.ts";
import { AudioSocketCaller } from "../support/audiosocket-caller.ts";
import { above, BOT_NOW, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietAppWith } from "../support/http.ts";
import { startTranscriptionServer, type TranscriptionServer } from "../support/transcription-server.ts";
import { espeakSpeechAsync } from "../support/voice-samples.ts";

const PBX_KEY = "test-pbx-key-0123456789";
const silent = pino({ level: process.env["VOICE_TEST_LOG"] ?? "silent" });
/** Short waits, so a call that stalls fails fast. */
const TIMING = { noInputMs: 2500, maxSpeechMs: 8000, interDigitMs: 1500 };

/** A number's keys: digits, and * 1 / * 2 / * 3 for - / . (the documented keypad convention). */
const keysOf = (number: string) => number.replace(/-/g, "*1").replace(/\//g, "*2").replace(/\./g, "*3");

forEachDatabase("the voice bot takes whole calls", (db) => {
  let region: BotRegion;
  let app: FastifyInstance;
  let keypadBot: VoiceBot;
  let speechBot: VoiceBot;
  let whisper: TranscriptionServer;
  const script = new Map<string, string[]>();
  /** The key of the account's settlement in the bot's list (settlements by Ukrainian name). */
  let settlementKey = "";
  let settlementNames: { uk: string; ru: string } = { uk: "", ru: "" };
  let askedBySpeech = false;

  before(async () => {
    const { deps, database } = db();
    region = await seedBotRegion(db());
    app = await quietAppWith(deps, { voice: { ...voiceSettings({}), pbxKey: PBX_KEY } });
    const { rows } = await sql<{ id: number; name_uk: string; name_ru: string; mine: boolean }>`
      select s.id, s.name_uk, s.name_ru, s.id = (select p.settlement_id from accounts a join premises p on p.id = a.premise_id where a.id = ${region.account.id}) as mine
      from settlements s
      where exists (select 1 from provider_services ps join providers p on p.id = ps.provider_id
                    where ps.settlement_id = s.id and p.code = 'deu')
      order by s.name_uk`.execute(database.db);
    const index = rows.findIndex((r) => r.mine);
    assert.ok(index >= 0, "the account's settlement is among the provider's");
    // More than nine settlements are not offered by key: the keypad goes straight to the account number.
    settlementKey = rows.length > 1 && rows.length <= 9 ? String(index + 1) : "";
    askedBySpeech = rows.length > 1;
    settlementNames = { uk: rows[index]!.name_uk, ru: rows[index]!.name_ru };
    whisper = await startTranscriptionServer({ script });
    const config = { ...voiceSettings({}), provider: undefined };
    keypadBot = await startVoiceBot({
      deps,
      config,
      port: 0,
      logger: silent,
      cacheDir: null,
      timing: TIMING,
      recognizer: noneRecognizer(),
    });
    speechBot = await startVoiceBot({
      deps,
      config,
      port: 0,
      logger: silent,
      cacheDir: null,
      timing: TIMING,
      recognizer: await createSpeechRecognizer({
        engine: "whisper-http",
        url: whisper.url,
        modelDir: "/nonexistent",
        logger: silent,
      }),
    });
  });

  after(async () => {
    await keypadBot?.close();
    await speechBot?.close();
    await whisper?.close();
    await app?.close();
  });

  async function announce(callId: string, caller = "+380671234567") {
    const response = await app.inject({
      method: "POST",
      url: `/voice/calls/${callId}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ caller, line: "0629526000", provider: "deu", key: PBX_KEY }).toString(),
    });
    assert.equal(response.statusCode, 200, response.body);
  }

  async function next(callId: string): Promise<string> {
    const response = await app.inject({ url: `/voice/calls/${callId}/next?key=${PBX_KEY}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.body;
  }

  const callRecord = (id: string) =>
    db().database.db.selectFrom("voice_calls").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  const recognitions = (id: string) =>
    db()
      .database.db.selectFrom("voice_recognitions")
      .selectAll()
      .where("call_id", "=", id)
      .orderBy("seq")
      .execute();

  /** The readings of the bot's latest submission: the line's own user (users.robot) took them. */
  const voiceReadings = async () => {
    const rows = await db()
      .database.db.selectFrom("readings as r")
      .innerJoin("users as u", "u.id", "r.actor_user_id")
      .select(["r.zone", "r.value", "r.channel", "r.raw_input", "r.receipt", "r.submission_id", "r.id"])
      .where("r.account_id", "=", region.account.id)
      .where("u.robot", "like", "voice:%")
      .where("r.status", "in", ["accepted", "pending_review"])
      .orderBy("r.id", "desc")
      .execute();
    const latest = rows
      .filter((r) => r.submission_id === rows[0]?.submission_id)
      .sort((a, b) => a.zone - b.zone);
    for (const r of latest) assert.equal(r.channel, "voice");
    return latest;
  };

  /** The call's record and what the bot took at each step, for a failure's message. */
  const whatHappened = async (id: string) =>
    JSON.stringify({
      call: await callRecord(id),
      steps: (await recognitions(id)).map((r) => [r.step, r.input, r.transcript, r.parsed, r.duration_ms]),
    });

  /** Waits for the bot's next prompt, then presses keys over it (barge-in). */
  async function keys(caller: AudioSocketCaller, digits: string) {
    await caller.promptStarted();
    await caller.press(digits);
  }

  /**
   * Waits for the bot's next prompt, then says `text` over it (its script line is what the recogniser "hears"). The
   * speech is made while the prompt is awaited, apart from the process: on a loaded machine espeak-ng can take
   * seconds, which the bot (in this process) would otherwise spend frozen, then count against the caller's answer.
   */
  async function say(caller: AudioSocketCaller, text: string, voice: "uk" | "ru", heard = text) {
    const [speech] = await Promise.all([espeakSpeechAsync(text, caller.rate, voice), caller.promptStarted()]);
    assert.ok(speech, "espeak-ng is installed (the CI installs the Debian package)");
    script.get(caller.uuid)?.push(heard);
    await caller.speak(speech);
    return (speech.samples.length * 1000) / speech.rate;
  }

  it("by keypad alone: the menu, the settlement, the account read back, both zones, the receipt", async () => {
    db().setNow(BOT_NOW);
    const callId = randomUUID();
    await announce(callId);
    const caller = await AudioSocketCaller.connect({ port: keypadBot.port, uuid: callId });
    const [day, night] = region.lastValues;
    await keys(caller, "1");
    if (settlementKey) await keys(caller, settlementKey);
    await keys(caller, `${keysOf(region.account.number)}#`);
    await keys(caller, "1");
    await keys(caller, `${above(day, 120)}#`);
    await keys(caller, "1");
    await keys(caller, `${above(night, 40)}#`);
    await keys(caller, "1");
    await caller.closed;

    const stored = await voiceReadings();
    assert.deepEqual(
      stored.map((r) => [r.zone, Number(r.value)]),
      [
        [1, Number(above(day, 120))],
        [2, Number(above(night, 40))],
      ],
      await whatHappened(callId),
    );
    assert.ok(stored[0]!.raw_input?.includes("[keys]"), "what was keyed is kept with the reading");
    const record = await callRecord(callId);
    assert.equal(record.outcome, "submitted");
    assert.equal(record.readings, 1);
    assert.equal(record.caller, "+380671234567");
    assert.equal(record.locale, "uk");
    assert.ok(record.ended_at && record.started_at);
    assert.equal(await next(callId), "hangup");
    const keyed = await recognitions(callId);
    assert.ok(keyed.length >= 7 && keyed.every((r) => r.input === "keys"));
  });

  it("by voice in Russian, through the transcription adapter: the language from the first words", async () => {
    db().setNow(BOT_NOW);
    const callId = randomUUID();
    script.set(callId, []);
    await announce(callId);
    const caller = await AudioSocketCaller.connect({ port: speechBot.port, uuid: callId });
    const day = above(region.lastValues[0], 300);
    const night = above(region.lastValues[1], 70);
    const sent: number[] = [];
    sent.push(await say(caller, "показания", "ru"));
    if (askedBySpeech) sent.push(await say(caller, `город ${settlementNames.ru}`, "ru"));
    sent.push(await say(caller, speakAccount(region.account.number, "ru"), "ru"));
    sent.push(await say(caller, "да", "ru"));
    sent.push(await say(caller, speakNumber(day, "ru"), "ru"));
    sent.push(await say(caller, "да, верно", "ru"));
    sent.push(await say(caller, speakNumber(night, "ru"), "ru"));
    sent.push(await say(caller, "да", "ru"));
    await caller.closed;

    const stored = await voiceReadings();
    assert.deepEqual(
      stored.map((r) => r.value.replace(/\.0+$/, "")),
      [day, night],
      await whatHappened(callId),
    );
    assert.ok(
      stored[0]!.raw_input?.includes(speakNumber(day, "ru")),
      "the transcript is kept with the reading",
    );
    const record = await callRecord(callId);
    assert.equal(record.outcome, "submitted");
    assert.equal(record.locale, "ru");
    const heard = await recognitions(callId);
    assert.equal(heard.length, sent.length);
    assert.ok(heard.every((r) => r.input === "speech" && r.engine === "whisper-http" && r.transcript));
    // Each utterance the adapter sent was a valid WAV as long as what the caller said (plus the endpointer's
    // pre-roll and the silence that ended it).
    const requests = whisper.requests.filter((r) => r.callId === callId);
    assert.equal(requests.length, sent.length);
    requests.forEach((r, i) => {
      const spoken = sent[i]!;
      assert.ok(
        r.durationMs >= spoken - 150 && r.durationMs <= spoken + 1200,
        `utterance ${i}: ${r.durationMs} ms for ${spoken} ms said`,
      );
    });
    // From the second utterance on, the recogniser is told the language and the step's expected words.
    assert.equal(requests[0]!.language, null);
    assert.equal(requests.at(-1)!.language, "ru");
    assert.ok(requests.at(-1)!.prompt?.includes("да"));
  });

  it("a wrong account number, then the right one, by voice in Ukrainian", async () => {
    db().setNow(BOT_NOW);
    const callId = randomUUID();
    script.set(callId, []);
    await announce(callId);
    const caller = await AudioSocketCaller.connect({ port: speechBot.port, uuid: callId });
    await say(caller, "показання", "uk");
    if (askedBySpeech) await say(caller, `у місті ${settlementNames.uk}`, "uk");
    await say(caller, "дев'ять дев'ять дев'ять дев'ять дев'ять", "uk");
    await say(caller, "так", "uk");
    // "Not found": asked again.
    await say(caller, speakAccount(region.account.number, "uk"), "uk");
    await say(caller, "так", "uk");
    const day = above(region.lastValues[0], 310);
    const night = above(region.lastValues[1], 80);
    await say(caller, speakNumber(day, "uk"), "uk");
    await say(caller, "так", "uk");
    await say(caller, speakNumber(night, "uk"), "uk");
    await say(caller, "так", "uk");
    await caller.closed;
    const record = await callRecord(callId);
    assert.equal(record.outcome, "submitted");
    const accounts = (await recognitions(callId)).filter((r) => r.step === "account");
    assert.equal(accounts.length, 2, "the account number was asked twice");
    const stored = await voiceReadings();
    assert.deepEqual(
      stored.map((r) => r.value.replace(/\.0+$/, "")),
      [day, night],
      await whatHappened(callId),
    );
  });

  it("outside the voice line's hours: the hours and the other channels, then goodbye", async () => {
    db().setNow("2026-11-28T22:30:00+02:00");
    const callId = randomUUID();
    await announce(callId);
    const caller = await AudioSocketCaller.connect({ port: keypadBot.port, uuid: callId });
    await caller.closed;
    assert.ok(caller.heardMs() > 3000, "the hours were said");
    const record = await callRecord(callId);
    assert.equal(record.outcome, "out_of_hours");
    assert.equal(await next(callId), "hangup");
  });

  it("two tries that fail hand the call to an operator, and the PBX is told to transfer it", async () => {
    db().setNow(BOT_NOW);
    const callId = randomUUID();
    await announce(callId);
    const caller = await AudioSocketCaller.connect({ port: keypadBot.port, uuid: callId });
    await keys(caller, "5");
    await keys(caller, "7");
    await caller.closed;
    const record = await callRecord(callId);
    assert.equal(record.outcome, "handed_over");
    assert.equal(await next(callId), "operator");
  });

  it("the console's statistics count the month's calls, and the readings taken by phone", async () => {
    const { database } = db();
    const provider = await database.db
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "deu")
      .executeTakeFirstOrThrow();
    const rows = await computeMonthlyStatistics(database.db, provider.id, parsePeriod("2026-11"));
    const calls = await database.db
      .selectFrom("voice_calls")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("provider_id", "=", provider.id)
      .executeTakeFirstOrThrow();
    assert.ok(Number(calls.n) >= 5);
    assert.deepEqual(
      rows.filter((r) => r.metric === "calls"),
      [{ metric: "calls", channel: "voice", value: Number(calls.n), amountKop: null }],
    );
    const byPhone = rows.find((r) => r.metric === "readings_submitted" && r.channel === "voice");
    assert.ok(byPhone && byPhone.value >= 3, "the three submitted calls count as readings by phone");
  });

  it("a caller gets ten account lookups an hour: either answer tells whether a number exists", async () => {
    const { deps, database } = db();
    db().setNow(BOT_NOW);
    const provider = await database.db
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "deu")
      .executeTakeFirstOrThrow();
    const line = await voiceLineActor(deps, provider.id, "uk");
    const lookup = (number: string, client: string) =>
      callUseCase(
        deps,
        "findAccountForCall",
        { actor: line, channel: "voice", locale: "uk", client },
        { number },
      );
    for (let i = 0; i < 10; i++)
      await assert.rejects(lookup(`99999${i}`, "voice:+380501112233"), { code: "not_found" });
    await assert.rejects(lookup(region.account.number, "voice:+380501112233"), { code: "too_many_attempts" });
    const other = await lookup(region.account.number, "voice:+380509998877");
    assert.equal(other.accountId, region.account.id, "another caller is not held up");
  });

  it("the PBX's routes want the key, and a call's id", async () => {
    const callId = randomUUID();
    const wrong = await app.inject({
      method: "POST",
      url: `/voice/calls/${callId}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "caller=380671234567&key=wrong-key-0000000000",
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal((await app.inject({ url: `/voice/calls/${callId}/next` })).statusCode, 401);
    assert.equal((await app.inject({ url: `/voice/calls/not-a-uuid/next?key=${PBX_KEY}` })).statusCode, 400);
    assert.equal((await app.inject({ url: `/voice/calls/${callId}/next?key=${PBX_KEY}` })).statusCode, 404);
    const stored = await db()
      .database.db.selectFrom("voice_calls")
      .select("id")
      .where("id", "=", callId)
      .execute();
    assert.equal(stored.length, 0, "a refused announcement writes nothing");
  });
});
