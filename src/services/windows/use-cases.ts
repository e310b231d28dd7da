// Use cases of the administrator's submission windows: the rules as they stand, a change from a date on, and the
// twelve-month preview of a rule before it is saved. A provider's administrators and platform administrators
// only; the provider's operators get 403, anyone else 404 (the provider's scoped lookup).
import { Type } from "typebox";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { parseLocalDate } from "../../domain/local-date.ts";
import { Id, LocalDate, Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { listSubmissionWindows, type SubmissionWindowList } from "./list-submission-windows.ts";
import { saveSubmissionWindow } from "./save-submission-window.ts";
import { previewOccurrences } from "./window-preview.ts";
import { checkWindowRule } from "./window-rule-check.ts";

const ADMINISTRATORS =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";
const ProviderKey = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The provider\'s code (e.g. "deu") or id',
});
const DAYS =
  "1..31 count from the month's start (clamped to a short month's last day), -1..-10 from its end (-1 = the last " +
  "day); a window whose closing day comes before its opening day wraps into the next month.";
const Day = (description: string) => Type.Integer({ description: `${description}. ${DAYS}` });
const DeemedDateRule = Type.Union([Type.Literal("submission_day"), Type.Literal("first_of_month")], {
  description:
    "submission_day: a reading counts on the day it arrives; first_of_month: on the 1st inside the window",
});
const LatePolicy = Type.Union([Type.Literal("refuse"), Type.Literal("next_period")], {
  description: "Outside the window: refuse the reading, or take it for the next window",
});
/** The six services by code (schemas.ts's ServiceCode is built from an array, which types as never). */
export const Service = Type.Union([
  Type.Literal("electricity"),
  Type.Literal("cold_water"),
  Type.Literal("hot_water"),
  Type.Literal("sewerage"),
  Type.Literal("gas"),
  Type.Literal("heating"),
]);
const Settlement = Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated });
const RuleFields = {
  service: Service,
  settlementId: Type.Union([Id, Type.Null()], {
    description: "A settlement the provider supplies the service in; null: every one of them",
  }),
  opensDay: Day("The opening day"),
  closesDay: Day("The closing day, included until 24:00 Kyiv time"),
  deemedDateRule: DeemedDateRule,
  latePolicy: LatePolicy,
};
const Occurrence = Type.Object({
  period: Type.String({ description: "The billing month the readings close, YYYY-MM" }),
  opensOn: Type.String({ description: "YYYY-MM-DD, Kyiv" }),
  closesOn: Type.String({ description: "YYYY-MM-DD, Kyiv, included" }),
  deemedOn: Type.Union([Type.String(), Type.Null()]),
});
const REFUSALS =
  "A rule the calendar cannot hold is 422 window_day_invalid, window_reversed, window_empty_in_short_month, " +
  "window_overlaps_next or window_deemed_first_outside (details.field names the field).";

export const windowUseCases = {
  listSubmissionWindows: defineUseCase({
    name: "listSubmissionWindows",
    tag: "windows",
    summary: "The provider's submission window rules, in force, scheduled and superseded",
    description: `${ADMINISTRATORS} Every rule ever set, per service and settlement (null: every settlement), newest first, with its standing today; and the services and settlements the provider supplies.`,
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: Type.Unsafe<SubmissionWindowList>(
      Type.Object({
        provider: Type.Object({ id: Type.Integer(), code: Type.String() }),
        today: Type.String(),
        rules: Type.Array(
          Type.Object({
            id: Type.Integer(),
            service: Type.String(),
            settlement: Type.Union([Settlement, Type.Null()]),
            opensDay: Type.Integer(),
            closesDay: Type.Integer(),
            deemedDateRule: DeemedDateRule,
            latePolicy: LatePolicy,
            ruleSource: Type.String(),
            effectiveFrom: Type.String(),
            standing: Type.Union([
              Type.Literal("in_force"),
              Type.Literal("scheduled"),
              Type.Literal("superseded"),
            ]),
          }),
        ),
        services: Type.Array(
          Type.Object({ service: Type.String(), name: Translated, settlements: Type.Array(Settlement) }),
        ),
      }),
    ),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) =>
      listSubmissionWindows(deps, { actor: context.actor, provider: input.provider }),
  }),

  saveSubmissionWindow: defineUseCase({
    name: "saveSubmissionWindow",
    tag: "windows",
    summary: "Set a submission window for a service from a date on",
    description:
      `${ADMINISTRATORS} A new rule from effectiveFrom (today or later: 422 window_effective_in_past); older rules ` +
      "stay, as the periods they governed were counted under them. A rule for the same date not yet in force is " +
      "replaced; one in force since today is 409 window_already_in_force. A service or settlement the provider " +
      `does not supply is 422 service_not_served. ${REFUSALS} Answers with the next twelve openings and closings.`,
    input: Type.Object(
      {
        provider: ProviderKey,
        ...RuleFields,
        ruleSource: Type.String({
          maxLength: 500,
          description: "The regulation or decision the rule follows, quoted to residents",
        }),
        effectiveFrom: LocalDate,
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      id: Type.Integer(),
      replaced: Type.Boolean(),
      effectiveFrom: Type.String(),
      preview: Type.Array(Occurrence),
    }),
    access: "administrator",
    audited: true,
    // A rule far in the future: the target's own administrator may set it without touching anything in force.
    probe: (t) => ({
      provider: t.providerCode,
      service: "electricity" as const,
      settlementId: null,
      opensDay: -3,
      closesDay: 2,
      deemedDateRule: "first_of_month" as const,
      latePolicy: "next_period" as const,
      ruleSource: "isolation probe",
      effectiveFrom: "2099-01-01",
    }),
    run: (deps, context, input) => {
      const { provider, ...rule } = input;
      return saveSubmissionWindow(deps, { actor: context.actor, provider, rule });
    },
  }),

  previewSubmissionWindow: defineUseCase({
    name: "previewSubmissionWindow",
    tag: "windows",
    summary: "The next twelve openings and closings of a window rule, without saving it",
    description: `Kyiv dates, from effectiveFrom (or today, when later), as the cabinet will show them. ${REFUSALS} ${ADMINISTRATORS}`,
    input: Type.Object(
      {
        opensDay: RuleFields.opensDay,
        closesDay: RuleFields.closesDay,
        deemedDateRule: DeemedDateRule,
        latePolicy: LatePolicy,
        effectiveFrom: Type.Optional(LocalDate),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ from: Type.String(), occurrences: Type.Array(Occurrence) }),
    access: "administrator",
    // Arithmetic on the rule given, nobody's data: there is nothing of anyone's to aim it at.
    probe: null,
    run: async (deps, _context, input) => {
      const rule = checkWindowRule(input);
      const now = deps.now();
      const from = input.effectiveFrom ? parseLocalDate(input.effectiveFrom) : null;
      const occurrences = previewOccurrences(rule, now, from);
      const today = kyivDateOf(now);
      return { from: from !== null && from > today ? from : today, occurrences };
    },
  }),
};
