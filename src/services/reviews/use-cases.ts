// Use cases of the operator's review queue: readings flagged as implausible when they were submitted (status
// pending_review), listed for the operator's provider, and accepted or rejected (with a reason the resident reads).
import { Type } from "typebox";
import type { Channel as ChannelName } from "../../db/tables/reference.table.ts";
import { Id, Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { acceptReading } from "./accept-reading.ts";
import { listReadingsToReview } from "./list-readings-to-review.ts";
import { REVIEW_NOTE_MAX, rejectReading } from "./reject-reading.ts";

const CHANNELS: readonly ChannelName[] = [
  "web",
  "api",
  "voice",
  "viber",
  "telegram",
  "facebook",
  "sms",
  "bank",
  "contact_centre",
  "import",
];
const Channel = Type.Unsafe<ChannelName>(Type.Union(CHANNELS.map((c) => Type.Literal(c))));
const Dated = Type.Object({ value: Type.String(), deemedOn: Type.String({ format: "date" }) });

const ReadingToReview = Type.Object({
  readingId: Type.Integer({ description: "The id accept and reject take (the submission's first zone)" }),
  accountId: Type.Integer(),
  accountNumber: Type.String(),
  holderName: Type.String(),
  providerCode: Type.String(),
  address: Type.Object({
    settlement: Translated,
    street: Type.String(),
    building: Type.String(),
    apartment: Type.Union([Type.String(), Type.Null()]),
  }),
  meter: Type.Object({
    id: Type.Integer(),
    serial: Type.String(),
    service: Type.String(),
    zones: Type.Integer(),
    decimals: Type.Integer(),
  }),
  period: Type.String({ description: "YYYY-MM" }),
  deemedOn: Type.String({ format: "date" }),
  submittedAt: Type.String({ format: "date-time" }),
  channel: Channel,
  receipt: Type.String(),
  reviewReason: Type.Union([Type.String(), Type.Null()], {
    description: "Why it was flagged: above_own_average or above_service_limit",
  }),
  zones: Type.Array(
    Type.Object({
      readingId: Type.Integer(),
      zone: Type.Integer(),
      value: Type.String(),
      previous: Type.Union([Dated, Type.Null()]),
      consumption: Type.Union([Type.String(), Type.Null()], {
        description: "Use since the previous reading",
      }),
      usual: Type.Union([Type.String(), Type.Null()], {
        description: "The use the meter's own average predicts for the same days",
      }),
    }),
  ),
});

const Decided = Type.Object({
  accountNumber: Type.String(),
  readingIds: Type.Array(Type.Integer(), { description: "Every zone of the submission" }),
  status: Type.Union([Type.Literal("accepted"), Type.Literal("rejected")]),
  reviewedAt: Type.String({ format: "date-time" }),
});

const Target = { accountId: Id, readingId: Id };
const WHOSE =
  "Staff act on their own provider's readings only (another provider's is 404 and nothing is written), platform " +
  "administrators on any. 409 reading_already_reviewed when it no longer waits for review.";

export const reviewUseCases = {
  listReadingsToReview: defineUseCase({
    name: "listReadingsToReview",
    tag: "readings",
    summary: "Readings flagged as implausible, waiting for an operator's review, oldest first",
    description:
      "One item per submission (a multi-zone meter's zones are decided together), with the account, address, " +
      "meter, each zone's value beside the previous reading, the use since it and the use the meter's own " +
      "average predicts. Staff see their own provider's queue, platform administrators every provider's. Page " +
      "on with after = next.",
    input: Type.Object(
      {
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        after: Type.Optional(Id),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      readings: Type.Array(ReadingToReview),
      next: Type.Union([Type.Integer(), Type.Null()], { description: "The after of the next page" }),
    }),
    access: "staff",
    // The caller's own provider's queue: nobody else's to aim at (the isolation test checks the target's
    // account does not show in another provider's queue).
    probe: null,
    run: (deps, context, input) =>
      listReadingsToReview(deps, { actor: context.actor, limit: input.limit ?? 50, after: input.after }),
  }),

  acceptReading: defineUseCase({
    name: "acceptReading",
    tag: "readings",
    summary: "Accept a reading flagged for review (every zone of its submission)",
    description: `Billing counts it as it did while under review. ${WHOSE}`,
    input: Type.Object(Target, { additionalProperties: false }),
    output: Decided,
    access: "staff",
    audited: true,
    probe: (t) => ({ accountId: t.accountId, readingId: t.readingId }),
    run: (deps, context, input) =>
      acceptReading(deps, { actor: context.actor, accountId: input.accountId, readingId: input.readingId }),
  }),

  rejectReading: defineUseCase({
    name: "rejectReading",
    tag: "readings",
    summary: "Reject a reading flagged for review, with the reason the resident will read",
    description:
      "Every zone of its submission is rejected and left out of billing; a correction's earlier reading is " +
      "current again. 409 reading_review_period_billed when the month was already billed with it, " +
      `reading_review_billing_running while it is being billed. ${WHOSE}`,
    input: Type.Object(
      {
        ...Target,
        reason: Type.String({ maxLength: 2000, description: `Up to ${REVIEW_NOTE_MAX} characters` }),
      },
      { additionalProperties: false },
    ),
    output: Decided,
    access: "staff",
    audited: true,
    probe: (t) => ({ accountId: t.accountId, readingId: t.readingId, reason: "isolation" }),
    run: (deps, context, input) =>
      rejectReading(deps, {
        actor: context.actor,
        accountId: input.accountId,
        readingId: input.readingId,
        reason: input.reason,
      }),
  }),
};
