// Use cases of meters and readings: what every channel (API, cabinet, console, bots, voice) calls.
import { Type } from "typebox";
import type { Channel } from "../../db/tables/reference.table.ts";
import type { ActorContext } from "../context.ts";
import { Id, Ref, ServiceCode } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { listAccountMeters, type MeterView } from "./list-account-meters.ts";
import { listMeterReadings, type ReadingView } from "./list-meter-readings.ts";
import { type SubmitReadingResult, submitReading } from "./submit-reading.ts";

/** The channel a reading is recorded with: the voice bot (a provider's line acting as its operator) is "voice", a
 * partner's (a bank's app, acting for the account's provider likewise) "bank";
 * other staff enter readings for callers (the contact centre), the command line imports them, everyone else's door
 * is its own. */
export function readingChannel(context: ActorContext): Channel {
  if (context.channel === "voice") return "voice";
  if (context.channel === "bank") return "bank";
  if (context.actor.kind !== "resident") return "contact_centre";
  return context.channel === "cli" ? "import" : context.channel;
}

const ZoneValue = Type.Object(
  { zone: Type.Integer({ minimum: 1, maximum: 3 }), value: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
);

export const readingUseCases = {
  listAccountMeters: defineUseCase({
    name: "listAccountMeters",
    tag: "readings",
    summary: "An account's meters with their last readings and submission window (open now? until when?)",
    input: Type.Object({ accountId: Id }, { additionalProperties: false }),
    output: Type.Array(Ref<MeterView>("Meter")),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) =>
      listAccountMeters(deps, { actor: context.actor, accountId: input.accountId }),
  }),

  submitReading: defineUseCase({
    name: "submitReading",
    tag: "readings",
    summary: "Submit a meter reading (every zone of a multi-zone meter at once)",
    description:
      "Accepted (201, or 200 when the same values were already accepted in this window), refused with a " +
      "reason (422: window closed, below the previous reading, too many digits…), or needs_confirmation " +
      "(200) for an unusually high consumption: send again with confirmed=true. An Idempotency-Key header " +
      "makes retries safe.",
    input: Type.Object(
      {
        accountId: Id,
        meterId: Type.Optional(Id),
        service: Type.Optional(ServiceCode),
        value: Type.Optional(Type.String({ maxLength: 40, description: "Shortcut for a single-zone meter" })),
        values: Type.Optional(Type.Array(ZoneValue, { minItems: 1, maxItems: 3 })),
        confirmed: Type.Optional(
          Type.Boolean({ description: "The resident confirms an unusually high reading" }),
        ),
        /** The voice bot's transcript, kept beside the parsed values. */
        transcript: Type.Optional(Type.String({ maxLength: 2000 })),
        idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false, oneOf: [{ required: ["value"] }, { required: ["values"] }] },
    ),
    output: Ref<SubmitReadingResult>("SubmitReadingResult"),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, meterId: t.meterId, value: "99999" }),
    run: (deps, context, input) =>
      submitReading(deps, {
        actor: context.actor,
        channel: readingChannel(context),
        accountId: input.accountId,
        meterId: input.meterId,
        service: input.service,
        values: input.values ?? [{ zone: 1, value: input.value ?? "" }],
        confirmed: input.confirmed,
        transcript: input.transcript,
        idempotencyKey: input.idempotencyKey,
      }),
  }),

  listMeterReadings: defineUseCase({
    name: "listMeterReadings",
    tag: "readings",
    summary: "A meter's readings, newest first, with corrections and their originals",
    input: Type.Object(
      { accountId: Id, meterId: Id, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
      { additionalProperties: false },
    ),
    output: Type.Array(Ref<ReadingView>("Reading")),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, meterId: t.meterId }),
    run: (deps, context, input) =>
      listMeterReadings(deps, {
        actor: context.actor,
        accountId: input.accountId,
        meterId: input.meterId,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
  }),
};
