// A call's record (voice_calls): announced by the PBX's dialplan (who calls, which provider's line), opened by the
// bot when the audio arrives, closed with its outcome; after the call the dialplan asks what comes next.

import type { Channel } from "../../db/tables/reference.table.ts";
import type { VoiceOutcome } from "../../db/tables/voice.table.ts";
import { DEFAULT_DAY_HOURS, hoursOn, type LineSchedule, lineStatusAt } from "../../domain/contact-hours.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { SettlementNames } from "../../domain/voice/spoken-settlement.ts";
import type { Locale, Translated } from "../../i18n/locale.ts";
import { findProvider } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { lineSchedule, loadContactSchedules } from "../providers/contact-schedule.ts";
import { listSettlementNames } from "./list-settlement-names.ts";
import { voiceLineActor } from "./voice-line.ts";

export interface VoiceCallOpening {
  callId: string;
  caller: string | null;
  /** null: nobody announced the call and no default provider is configured. */
  provider: {
    id: number;
    code: string;
    name: Translated;
    /** The line's robot user: the bot acts as it (voice-line.ts). */
    robotUserId: number;
    /** Whether the provider takes readings by phone at all. */
    takesVoice: boolean;
    channels: Channel[];
    phones: string[];
  } | null;
  /** The voice line now: open until, or when it opens next; hours today ("07:00"–"21:00") for the prompt. */
  line: { open: boolean; opens: string; closes: string; nextOpensAt: string | null };
  settlements: SettlementNames[];
}

const CALL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkCallId(callId: string): string {
  const id = callId.toLowerCase();
  if (!CALL_ID.test(id))
    throw new AppError("validation_failed", { details: "callId: a UUID" }, { field: "callId" });
  return id;
}

/** The dialplan tells who is calling and whose line it is, before handing the call to AudioSocket. */
export async function announceVoiceCall(
  deps: Deps,
  input: { callId: string; caller?: string; line?: string; provider?: string },
): Promise<{ callId: string; providerId: number | null }> {
  const id = checkCallId(input.callId);
  const provider = input.provider ? await findProvider(deps, input.provider) : null;
  if (input.provider && !provider) throw new AppError("not_found");
  const caller = input.caller?.replace(/[\s()-]/g, "") || null;
  if (caller !== null && !/^\+?[0-9]{1,20}$/.test(caller))
    throw new AppError("validation_failed", { details: "caller: a phone number" }, { field: "caller" });
  const values = {
    provider_id: provider?.id ?? null,
    caller,
    line: input.line?.slice(0, 64) ?? null,
    announced_at: deps.now(),
  };
  // A call already under way keeps what it started with: an announcement cannot move it to another provider.
  await deps.database.db
    .insertInto("voice_calls")
    .values({ id, ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values).where("voice_calls.started_at", "is", null))
    .execute();
  return { callId: id, providerId: provider?.id ?? null };
}

/** The bot answers: the call's provider (announced, else the configured default), its line's hours and settlements. */
export async function openVoiceCall(
  deps: Deps,
  input: { callId: string; sampleRate: 8000 | 16000; defaultProvider?: string },
): Promise<VoiceCallOpening> {
  const id = checkCallId(input.callId);
  const now = deps.now();
  const row = await deps.database.db
    .insertInto("voice_calls")
    .values({ id, started_at: now, sample_rate: input.sampleRate })
    .onConflict((oc) => oc.column("id").doUpdateSet({ started_at: now, sample_rate: input.sampleRate }))
    .returning(["provider_id", "caller"])
    .executeTakeFirstOrThrow();
  let providerId = row.provider_id;
  if (providerId === null && input.defaultProvider) {
    providerId = (await findProvider(deps, input.defaultProvider))?.id ?? null;
    if (providerId !== null)
      await deps.database.db
        .updateTable("voice_calls")
        .set({ provider_id: providerId })
        .where("id", "=", id)
        .execute();
  }
  const closed = {
    open: false,
    opens: DEFAULT_DAY_HOURS.opens,
    closes: DEFAULT_DAY_HOURS.closes,
    nextOpensAt: null,
  };
  if (providerId === null)
    return { callId: id, caller: row.caller, provider: null, line: closed, settlements: [] };

  const db = deps.database.db;
  const [provider, settlements, schedules, robot] = await Promise.all([
    db
      .selectFrom("providers")
      .select(["id", "code", "name_uk", "name_ru", "name_en", "channels", "contact_phones"])
      .where("id", "=", providerId)
      .executeTakeFirstOrThrow(),
    listSettlementNames(deps, providerId),
    loadContactSchedules(deps, [providerId], kyivDateOf(now)),
    voiceLineActor(deps, providerId, "uk"),
  ]);
  const schedule = voiceSchedule(
    lineSchedule(schedules.get(providerId) ?? { hours: [], exceptions: [] }, "voice"),
  );
  const status = lineStatusAt(schedule, now);
  // The hours said to a caller: today's, or (a day off) those of the day it opens next.
  const next = status.nextOpensAt ? kyivDateOf(status.nextOpensAt) : null;
  const today = hoursOn(schedule, kyivDateOf(now)) ?? (next && hoursOn(schedule, next)) ?? DEFAULT_DAY_HOURS;
  return {
    callId: id,
    caller: row.caller,
    provider: {
      id: provider.id,
      code: provider.code,
      name: { uk: provider.name_uk, ru: provider.name_ru, en: provider.name_en },
      robotUserId: robot.userId,
      takesVoice: provider.channels.includes("voice"),
      channels: provider.channels,
      phones: provider.contact_phones,
    },
    line: {
      open: status.open,
      opens: today.opens,
      closes: today.closes,
      nextOpensAt: status.nextOpensAt?.toISOString() ?? null,
    },
    settlements,
  };
}

/** A line with no hours of its own answers 07:00–21:00 every day, as the article's voice bot did. */
function voiceSchedule(schedule: LineSchedule): LineSchedule {
  if (schedule.weekly.length > 0) return schedule;
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...DEFAULT_DAY_HOURS }));
  return { weekly, exceptions: schedule.exceptions };
}

export interface VoiceRecognitionRecord {
  callId: string;
  seq: number;
  step: string;
  input: "speech" | "keys" | "silence";
  engine: string | null;
  language: "uk" | "ru" | null;
  transcript: string | null;
  confidence: number | null;
  durationMs: number | null;
  parsed: unknown;
}

export async function recordVoiceRecognition(deps: Deps, r: VoiceRecognitionRecord): Promise<void> {
  await deps.database.db
    .insertInto("voice_recognitions")
    .values({
      call_id: checkCallId(r.callId),
      seq: r.seq,
      step: r.step,
      input: r.input,
      engine: r.engine,
      language: r.language,
      transcript: r.transcript?.slice(0, 2000) ?? null,
      confidence: r.confidence === null ? null : Math.max(0, Math.min(1, r.confidence)).toFixed(4),
      duration_ms: r.durationMs === null ? null : Math.round(r.durationMs),
      parsed: r.parsed === undefined ? null : JSON.stringify(r.parsed),
      at: deps.now(),
    })
    .onConflict((oc) => oc.columns(["call_id", "seq"]).doNothing())
    .execute();
}

export async function endVoiceCall(
  deps: Deps,
  input: { callId: string; outcome: VoiceOutcome; locale: Locale | null; steps: unknown[]; readings: number },
): Promise<void> {
  await deps.database.db
    .updateTable("voice_calls")
    .set({
      ended_at: deps.now(),
      outcome: input.outcome,
      locale: input.locale,
      steps: JSON.stringify(input.steps),
      readings: input.readings,
    })
    .where("id", "=", checkCallId(input.callId))
    .where("ended_at", "is", null)
    .execute();
}

/** What the dialplan does once AudioSocket returns: transfer to the operators' queue, or hang up. */
export async function nextVoiceAction(deps: Deps, callId: string): Promise<{ next: "operator" | "hangup" }> {
  const row = await deps.database.db
    .selectFrom("voice_calls")
    .select("outcome")
    .where("id", "=", checkCallId(callId))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return { next: row.outcome === "handed_over" ? "operator" : "hangup" };
}
