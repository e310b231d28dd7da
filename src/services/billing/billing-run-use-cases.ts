// Use cases of the administrator's billing console: start a month's run in the background and follow it, and the
// provider's billing schedule. Billing a month in one request, answering when it is done, is billPeriod
// (use-cases.ts); these are for pages that cannot hold a request for minutes.
import { Type } from "typebox";
import { parsePeriod } from "../../domain/period.ts";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import { type BillingScheduleView, getBillingSchedule, setBillingSchedule } from "./billing-schedule.ts";
import { type BillingRunProgress, getBillingRun } from "./get-billing-run.ts";
import { startBillingRun } from "./start-billing-run.ts";
import { startedBy } from "./started-by.ts";

const ADMINISTRATORS =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";
const SCHEDULE_ABOUT =
  'A cron expression in Kyiv time ("0 3 5 * *": 03:00 on the 5th); each tick bills the month before. Kept by ' +
  "the job queue that `abonent serve` runs; a process without it answers 503 billing_schedule_unavailable.";

const ProviderKey = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The provider\'s code (e.g. "deu") or id',
});
const Schedule = Type.Object({
  available: Type.Boolean({ description: "False: this server runs no job queue" }),
  schedule: Type.Union([Type.Object({ cron: Type.String(), timezone: Type.String() }), Type.Null()]),
});

const count = Type.Integer({ minimum: 0 });
const RunProgress = Type.Object({
  id: Type.Integer(),
  providerId: Type.Integer(),
  providerCode: Type.String(),
  period: Type.String({ description: "YYYY-MM" }),
  state: Type.Union([Type.Literal("running"), Type.Literal("stopped"), Type.Literal("finished")]),
  startedAt: Type.String({ format: "date-time" }),
  finishedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  startedBy: Type.String({ description: '"cli", "scheduler" or "user:<id>"' }),
  startedByName: Type.Union([Type.String(), Type.Null()], {
    description: "the person's name, when a person started it",
  }),
  accountsTotal: Type.Union([count, Type.Null()]),
  accountsDone: count,
  batchesTotal: Type.Union([count, Type.Null()]),
  batchesDone: count,
  elapsedSeconds: count,
  totals: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

export const billingRunUseCases = {
  startBillingRun: defineUseCase({
    name: "startBillingRun",
    tag: "billing",
    summary: "Start billing a provider's month in the background; answers with the run to follow",
    description:
      `${ADMINISTRATORS} Refused as billPeriod refuses (a month not over, closed, before the last closed one or ` +
      "the first tariff, or already running), before anything is billed. Once the run has started, follow it " +
      "with getBillingRun; a run that stops half-way is resumed by starting the month again.",
    input: Type.Object(
      {
        provider: ProviderKey,
        period: Type.String({
          pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$",
          description: "The month to bill, YYYY-MM",
        }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ runId: Type.Integer() }),
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, period: t.period }),
    run: async (deps, context, input) => {
      const provider = await authorizeBilling(deps, { actor: context.actor, provider: input.provider });
      return startBillingRun(deps, {
        providerId: provider.id,
        period: parsePeriod(input.period),
        startedBy: startedBy(context),
      });
    },
  }),

  getBillingRun: defineUseCase({
    name: "getBillingRun",
    tag: "billing",
    summary:
      "A billing run's progress: batches and accounts done of its total, time taken, totals when finished",
    description: `${ADMINISTRATORS} state "stopped": marked running but nobody bills it (start the month again).`,
    input: Type.Object({ runId: Id }, { additionalProperties: false }),
    output: Type.Unsafe<BillingRunProgress>(RunProgress),
    access: "administrator",
    probe: (t) => ({ runId: t.billingRunId }),
    run: (deps, context, input) => getBillingRun(deps, { actor: context.actor, runId: input.runId }),
  }),

  getBillingSchedule: defineUseCase({
    name: "getBillingSchedule",
    tag: "billing",
    summary: "When the provider's month is billed by itself",
    description: `${SCHEDULE_ABOUT} ${ADMINISTRATORS}`,
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: Schedule,
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input): Promise<BillingScheduleView> =>
      getBillingSchedule(deps, { actor: context.actor, provider: input.provider }),
  }),

  setBillingSchedule: defineUseCase({
    name: "setBillingSchedule",
    tag: "billing",
    summary: "Set (cron) or remove (null) the provider's billing schedule",
    description: `${SCHEDULE_ABOUT} ${ADMINISTRATORS} An impossible expression is 400 billing_schedule_invalid.`,
    input: Type.Object(
      {
        provider: ProviderKey,
        cron: Type.Union([
          Type.String({ minLength: 9, maxLength: 100, description: 'e.g. "0 3 5 * *"' }),
          Type.Null(),
        ]),
      },
      { additionalProperties: false },
    ),
    output: Schedule,
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, cron: "0 3 5 * *" }),
    run: (deps, context, input) =>
      setBillingSchedule(deps, { actor: context.actor, provider: input.provider, cron: input.cron }),
  }),
};
