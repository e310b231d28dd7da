// Use cases of the voice bot (docs/voice.md). The call's own record — announced by the PBX, opened, recognitions,
// closed, what the dialplan does next — belongs to the installation's telephony, which holds its key (the AudioSocket
// port on a private network, VOICE_PBX_KEY for the announcements), so like the SMS gateways it acts as the platform's
// operator for these steps. What a caller does (finding their account, submitting a reading) goes through the
// ordinary use cases as the provider's voice line (voice-line.ts), by the "voice" door.
import { Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { findAccountForCall } from "./find-account-for-call.ts";
import {
  announceVoiceCall,
  endVoiceCall,
  nextVoiceAction,
  openVoiceCall,
  recordVoiceRecognition,
  type VoiceCallOpening,
} from "./voice-calls.ts";

const strict = { additionalProperties: false } as const;
const CallId = Type.String({
  pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  description: "The call's UUID, as the dialplan passes it to AudioSocket",
});
const LocaleSchema = Type.Union([Type.Literal("uk"), Type.Literal("ru"), Type.Literal("en")]);
const Outcome = Type.Union([
  Type.Literal("submitted"),
  Type.Literal("refused"),
  Type.Literal("handed_over"),
  Type.Literal("abandoned"),
  Type.Literal("out_of_hours"),
  Type.Literal("failed"),
]);
const PROBE_CALL = "00000000-0000-4000-8000-000000000000";

export const voiceUseCases = {
  announceVoiceCall: defineUseCase({
    name: "announceVoiceCall",
    tag: "voice",
    summary:
      "The PBX announces a call before handing it to the voice bot: the caller's number and whose line",
    input: Type.Object(
      {
        callId: CallId,
        caller: Type.Optional(Type.String({ maxLength: 40 })),
        line: Type.Optional(Type.String({ maxLength: 64 })),
        provider: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      },
      strict,
    ),
    output: Type.Object({ callId: Type.String(), providerId: Type.Union([Type.Integer(), Type.Null()]) }),
    access: "platform_admin",
    probe: () => ({ callId: PROBE_CALL }),
    run: (deps, _context, input) => announceVoiceCall(deps, input),
  }),

  openVoiceCall: defineUseCase({
    name: "openVoiceCall",
    tag: "voice",
    summary: "The bot answers a call: its provider, the voice line's hours now, the settlements it serves",
    input: Type.Object(
      {
        callId: CallId,
        sampleRate: Type.Union([Type.Literal(8000), Type.Literal(16000)]),
        defaultProvider: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      },
      strict,
    ),
    output: Type.Unsafe<VoiceCallOpening>(Type.Object({ callId: Type.String() })),
    access: "platform_admin",
    probe: () => ({ callId: PROBE_CALL, sampleRate: 8000 as const }),
    run: (deps, _context, input) => openVoiceCall(deps, input),
  }),

  recordVoiceRecognition: defineUseCase({
    name: "recordVoiceRecognition",
    tag: "voice",
    summary: "Keep what the bot heard at a step of a call: the transcript and confidence, or the keys",
    input: Type.Object(
      {
        callId: CallId,
        seq: Type.Integer({ minimum: 0, maximum: 10_000 }),
        step: Type.String({ pattern: "^[a-z_]{1,40}$" }),
        input: Type.Union([Type.Literal("speech"), Type.Literal("keys"), Type.Literal("silence")]),
        engine: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
        language: Type.Union([Type.Literal("uk"), Type.Literal("ru"), Type.Null()]),
        transcript: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
        confidence: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
        durationMs: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
        parsed: Type.Unknown(),
      },
      strict,
    ),
    output: Type.Object({}),
    access: "platform_admin",
    probe: null,
    run: async (deps, _context, input) => {
      await recordVoiceRecognition(deps, input);
      return {};
    },
  }),

  endVoiceCall: defineUseCase({
    name: "endVoiceCall",
    tag: "voice",
    summary: "Close a call's record with its outcome, language, steps and the readings it submitted",
    input: Type.Object(
      {
        callId: CallId,
        outcome: Outcome,
        locale: Type.Union([LocaleSchema, Type.Null()]),
        steps: Type.Array(Type.Unknown(), { maxItems: 500 }),
        readings: Type.Integer({ minimum: 0, maximum: 100 }),
      },
      strict,
    ),
    output: Type.Object({}),
    access: "platform_admin",
    probe: null,
    run: async (deps, _context, input) => {
      await endVoiceCall(deps, input);
      return {};
    },
  }),

  nextVoiceAction: defineUseCase({
    name: "nextVoiceAction",
    tag: "voice",
    summary: "After the bot: transfer the call to the operators (it asked for one) or hang up",
    input: Type.Object({ callId: CallId }, strict),
    output: Type.Object({ next: Type.Union([Type.Literal("operator"), Type.Literal("hangup")]) }),
    access: "platform_admin",
    probe: () => ({ callId: PROBE_CALL }),
    run: (deps, _context, input) => nextVoiceAction(deps, input.callId),
  }),

  findAccountForCall: defineUseCase({
    name: "findAccountForCall",
    tag: "voice",
    summary:
      "A provider's voice line: the account a caller named by number (and settlement) at that provider",
    input: Type.Object(
      { number: Type.String({ minLength: 1, maxLength: 60 }), settlementId: Type.Optional(Id) },
      strict,
    ),
    output: Type.Object({ accountId: Type.Integer(), number: Type.String() }),
    access: "staff",
    probe: (t) => ({ number: t.accountNumber }),
    run: (deps, context, input) =>
      findAccountForCall(deps, { actor: context.actor, ...input, client: context.client }),
  }),
};
