// One call, from the PBX's first frame to its end: the call's record is opened, the dialogue (the conversation
// engine's call flows) answers each thing the caller said or keyed, the prompts are spoken (barge-in allowed), what
// the caller said goes to the recogniser and is kept with its confidence, and the record is closed with the outcome.
// Calls are independent: one that fails ends with "failed" and its own apology, and touches no other.
import type { Logger } from "pino";
import type { VoiceOutcome } from "../../db/tables/voice.table.ts";
import { SpeechRecognitionError } from "../../gateways/speech/speech-errors.ts";
import type { SpeechRecognizer } from "../../gateways/speech/speech-recognizer.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../../services/actor.ts";
import type { Deps } from "../../services/deps.ts";
import { callUseCase } from "../../services/registry.ts";
import { answerCall, type CallState, type Heard, type Listen } from "../conversation/call/call-dialogue.ts";
import type { CallerInput, CallLeg } from "./call-leg.ts";
import { telephonyContext } from "./voice-context.ts";
import type { VoicePrompts } from "./voice-prompts.ts";

export interface VoiceCallDeps {
  deps: Deps;
  recognizer: SpeechRecognizer;
  prompts: VoicePrompts;
  logger: Logger;
  /** The provider of a call nobody announced (VOICE_PROVIDER). */
  defaultProvider: string | undefined;
  timing: { noInputMs: number; maxSpeechMs: number; interDigitMs: number };
}

/** A call goes no longer than this many turns: a caller stuck in a loop is handed over long before. */
const MAX_TURNS = 60;

export async function runCall(bot: VoiceCallDeps, leg: CallLeg): Promise<VoiceOutcome> {
  const { deps, logger } = bot;
  const log = logger.child({ call: leg.callId });
  const telephony = telephonyContext();
  let locale: Locale = "uk";
  let outcome: VoiceOutcome = "abandoned";
  let state: CallState | undefined;
  const steps: { step: string; at: string; tries: number }[] = [];
  let seq = 0;
  try {
    const opening = await callUseCase(deps, "openVoiceCall", telephony, {
      callId: leg.callId,
      sampleRate: leg.rate,
      ...(bot.defaultProvider ? { defaultProvider: bot.defaultProvider } : {}),
    });
    const provider = opening.provider;
    state = {
      opening,
      languageSettled: false,
      step: "menu",
      tries: 0,
      keypadOnly: false,
      values: [],
      transcript: [],
      readings: 0,
    };
    const lineActor = (l: Locale): Actor | null =>
      provider
        ? {
            kind: "staff",
            role: "operator",
            providerId: provider.id,
            userId: provider.robotUserId,
            locale: l,
          }
        : null;
    let heard: Heard = { kind: "start" };
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const reply = await answerCall(
        deps,
        state,
        {
          actor: lineActor(locale),
          locale,
          speechLanguages: bot.recognizer.languages,
        },
        heard,
      );
      locale = reply.locale;
      steps.push({
        step: reply.listen?.step ?? reply.end ?? "end",
        at: deps.now().toISOString(),
        tries: state.tries,
      });
      const audio = await bot.prompts.render(reply.prompts, leg.rate, provider?.code ?? null);
      if (reply.end || !reply.listen) {
        outcome = reply.end ?? "failed";
        if ((await leg.say(audio)) === "hangup") outcome = outcome === "submitted" ? outcome : "abandoned";
        break;
      }
      const input = await leg.ask({
        prompt: audio,
        speech: reply.listen.speech,
        keys: { ...reply.listen.keys, interDigitMs: bot.timing.interDigitMs },
        noInputMs: bot.timing.noInputMs,
        maxSpeechMs: bot.timing.maxSpeechMs,
      });
      if (input.kind === "hangup") {
        outcome = "abandoned";
        break;
      }
      heard = await hear(bot, leg.callId, reply.listen, input, seq++);
    }
  } catch (err) {
    log.error({ err }, "voice: the call failed");
    outcome = "failed";
  } finally {
    // The record is closed before the socket: once AudioSocket returns, the dialplan asks what next.
    await callUseCase(deps, "endVoiceCall", telephony, {
      callId: leg.callId,
      outcome,
      locale,
      steps,
      readings: state?.readings ?? 0,
    }).catch((err) => log.error({ err }, "voice: the call's record could not be closed"));
    await leg.hangup().catch(() => {});
    log.info({ outcome, readings: state?.readings ?? 0, turns: steps.length }, "voice: call ended");
  }
  return outcome;
}

/** What the caller did, in the dialogue's terms, kept in the call's record: speech goes through the recogniser. */
async function hear(
  bot: VoiceCallDeps,
  callId: string,
  listen: Listen,
  input: Exclude<CallerInput, { kind: "hangup" }>,
  seq: number,
): Promise<Heard> {
  const record = (r: {
    input: "speech" | "keys" | "silence";
    engine: string | null;
    transcript: string | null;
    confidence: number | null;
    durationMs: number | null;
    parsed: unknown;
  }) =>
    callUseCase(bot.deps, "recordVoiceRecognition", telephonyContext(), {
      callId,
      seq,
      step: listen.step,
      language: listen.language,
      ...r,
    }).catch((err) => bot.logger.warn({ err, call: callId }, "voice: a recognition could not be recorded"));

  if (input.kind === "keys") {
    await record({
      input: "keys",
      engine: null,
      transcript: input.digits,
      confidence: null,
      durationMs: null,
      parsed: null,
    });
    return { kind: "keys", digits: input.digits };
  }
  if (input.kind === "silence") {
    await record({
      input: "silence",
      engine: null,
      transcript: null,
      confidence: null,
      durationMs: null,
      parsed: null,
    });
    return { kind: "silence" };
  }
  try {
    const result = await bot.recognizer.recognize({
      audio: input.audio,
      language: listen.language,
      phrases: listen.phrases,
      callId,
    });
    await record({
      input: "speech",
      engine: result.engine,
      transcript: result.text,
      confidence: result.confidence,
      durationMs: input.durationMs,
      parsed: null,
    });
    return { kind: "speech", text: result.text };
  } catch (err) {
    if (!(err instanceof SpeechRecognitionError)) throw err;
    // The recogniser could not answer (a timeout, its server down): heard as nothing understood, and the dialogue
    // asks again or offers the keypad.
    bot.logger.warn({ err, call: callId }, "voice: recognition failed");
    await record({
      input: "speech",
      engine: err.engine,
      transcript: null,
      confidence: null,
      durationMs: input.durationMs,
      parsed: { error: err.failure },
    });
    return { kind: "speech", text: "" };
  }
}
