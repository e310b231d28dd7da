// Use cases of billing: billing runs, a provider's heating season, the providers themselves, and what a meter
// would be billed without a reading. Who may act on a provider is checked here (authorize-billing.ts, through
// the provider's scoped lookup), never by a channel.
import { Type } from "typebox";
import type { HeatingSeason } from "../../domain/billing/norms.ts";
import { parsePeriod } from "../../domain/period.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { Id, Period, Ref, Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import { type BillingRunSummary, billPeriod } from "./bill-period.ts";
import { type CostCalculation, calculateUtilityCost } from "./calculate-utility-cost.ts";
import { type CalculatorChoice, calculatorChoices } from "./calculator-choices.ts";
import { type EstimateWithoutReading, estimateWithoutReading } from "./estimate-without-reading.ts";
import type { ProviderRef } from "./find-provider.ts";
import { getHeatingSeason, setHeatingSeason } from "./heating-season.ts";
import { type BillingRunView, listBillingRuns } from "./list-billing-runs.ts";
import { listProviders } from "./list-providers.ts";
import { startedBy } from "./started-by.ts";

const ADMINISTRATORS =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";
const SEASON_ABOUT =
  "Heating is billed by norm on the season's days only, prorated by days; the fixed fee all year. By default " +
  "15 October to 15 April. A change applies to the months billed after it.";

const ProviderKey = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The provider\'s code (e.g. "deu") or id',
});
const MonthDay = (description: string) =>
  Type.String({ pattern: "^[0-9]{2}-[0-9]{2}$", description: `${description}` });
const Season = Type.Object(
  {
    starts: MonthDay("The season's first day, MM-DD (e.g. 10-15)"),
    ends: MonthDay("Its last day, MM-DD, included (e.g. 04-15): across the new year"),
  },
  { additionalProperties: false },
);
const ProviderOut = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.Object({ uk: Type.String(), ru: Type.String(), en: Type.String() }),
});

export const billingUseCases = {
  billPeriod: defineUseCase({
    name: "billPeriod",
    tag: "billing",
    summary: "Bill a provider's month: every account, then the period is closed",
    description:
      `${ADMINISTRATORS} The month must be over (422 billing_period_not_over) and not closed yet ` +
      "(409 billing_period_closed), not before the provider's last closed month (409 billing_period_before_closed: " +
      "issued bills never change) nor before its first tariff (422 billing_period_before_tariffs); one run per " +
      "provider and month at a time (409 billing_run_in_progress). " +
      "A run that stopped half-way is taken over (resumed: true). Answers when the run has finished.",
    input: Type.Object(
      {
        provider: ProviderKey,
        period: Type.String({
          pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$",
          description: "The month to bill, YYYY-MM",
        }),
        /** Accounts per transaction: an operator's tuning knob (the command line's --batch-size). */
        batchSize: Type.Optional(Type.Integer({ minimum: 100, maximum: 1_000_000 })),
      },
      { additionalProperties: false },
    ),
    output: Ref<BillingRunSummary>("BillingRunSummary"),
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, period: t.period }),
    run: async (deps, context, input) => {
      const provider = await authorizeBilling(deps, { actor: context.actor, provider: input.provider });
      return billPeriod(deps, {
        providerId: provider.id,
        period: parsePeriod(input.period),
        startedBy: startedBy(context),
        ...(input.batchSize ? { batchSize: input.batchSize } : {}),
        ...(context.progress ? { onProgress: context.progress } : {}),
      });
    },
  }),

  listBillingRuns: defineUseCase({
    name: "listBillingRuns",
    tag: "billing",
    summary: "A provider's billing runs, newest month first, with their totals",
    description: ADMINISTRATORS,
    input: Type.Object(
      {
        provider: ProviderKey,
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ runs: Type.Array(Ref<BillingRunView>("BillingRun")) }),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: async (deps, context, input) => ({
      runs: await listBillingRuns(deps, {
        actor: context.actor,
        provider: input.provider,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
    }),
  }),

  getHeatingSeason: defineUseCase({
    name: "getHeatingSeason",
    tag: "billing",
    summary: "The provider's heating season",
    description: `${SEASON_ABOUT} ${ADMINISTRATORS}`,
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: Season,
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input): Promise<HeatingSeason> =>
      getHeatingSeason(deps, { actor: context.actor, provider: input.provider }),
  }),

  setHeatingSeason: defineUseCase({
    name: "setHeatingSeason",
    tag: "billing",
    summary: "Set the provider's heating season",
    description: `${SEASON_ABOUT} ${ADMINISTRATORS} A day that does not exist is 400 heating_season_invalid.`,
    input: Type.Object(
      { provider: ProviderKey, starts: Season.properties.starts, ends: Season.properties.ends },
      { additionalProperties: false },
    ),
    output: Season,
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, starts: "10-15", ends: "04-15" }),
    run: (deps, context, input) =>
      setHeatingSeason(deps, {
        actor: context.actor,
        provider: input.provider,
        season: { starts: input.starts, ends: input.ends },
      }),
  }),

  getProvider: defineUseCase({
    name: "getProvider",
    tag: "billing",
    summary: "A provider named by its code or id: its id, code and name",
    description: "Staff get their own provider, platform administrators any; anything else is 404.",
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: ProviderOut,
    access: "staff",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input): Promise<ProviderRef> =>
      findProviderForActor(deps, context.actor, input.provider),
  }),

  listProviders: defineUseCase({
    name: "listProviders",
    tag: "billing",
    summary: "Every provider of the installation, in the order they were added",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(ProviderOut),
    access: "platform_admin",
    // Everyone's providers: only platform administrators, so outsiders must be refused outright.
    probe: () => ({}),
    run: (deps) => listProviders(deps),
  }),

  calculateUtilityCost: defineUseCase({
    name: "calculateUtilityCost",
    tag: "billing",
    summary: "What a month of a service costs a household at the live tariffs, by the norm or a meter's use",
    description:
      "The tariffs of the provider's service in force in the settlement, priced as the billing run prices a " +
      "household: by the norm (per m² of heated area, or per registered resident; heating on the heating season's " +
      "days only) or by the use a meter is expected to show, plus the month's fixed fee. Every step is returned " +
      "for showing the arithmetic. Anyone may ask: tariffs and norms are public, and no account is read. " +
      "422 calculator_not_served, calculator_no_tariff (for that month) or calculator_no_norm, each naming the " +
      "field to correct in details.field.",
    input: Type.Object(
      {
        provider: ProviderKey,
        service: Type.Union([
          Type.Literal("electricity"),
          Type.Literal("cold_water"),
          Type.Literal("hot_water"),
          Type.Literal("gas"),
          Type.Literal("heating"),
          Type.Literal("sewerage"),
        ]),
        settlement: Type.String({ minLength: 1, maxLength: 60, description: "The settlement's code or id" }),
        period: Type.Optional(Period),
        basis: Type.Union([Type.Literal("norm"), Type.Literal("meter")]),
        residents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
        areaM2: Type.Optional(
          Type.String({
            pattern: "^[0-9]{1,5}([.,][0-9]{1,2})?$",
            description: "Heated area, m², e.g. 52.5",
          }),
        ),
        used: Type.Optional(
          Type.String({
            pattern: "^[0-9]{1,9}([.,][0-9]{1,3})?$",
            description: "The meter's expected use in the month, up to 3 decimals",
          }),
        ),
      },
      { additionalProperties: false },
    ),
    output: Type.Unsafe<CostCalculation>(
      Type.Object({
        provider: ProviderOut,
        service: Type.String(),
        serviceName: Translated,
        unit: Type.String(),
        settlement: Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated }),
        period: Type.String(),
        basis: Type.String(),
        normKind: Type.Union([Type.String(), Type.Null()]),
        residents: Type.Union([Type.Integer(), Type.Null()]),
        areaM2: Type.Union([Type.String(), Type.Null()]),
        quantity: Type.String(),
        normSteps: Type.Array(
          Type.Object({
            normPerResident: Type.Union([Type.String(), Type.Null()]),
            normPerM2: Type.Union([Type.String(), Type.Null()]),
            normDays: Type.Integer(),
            monthDays: Type.Integer(),
          }),
        ),
        priceSteps: Type.Array(
          Type.Object({
            quantity: Type.String(),
            priceUah: Type.String(),
            amountKop: Type.Integer(),
            days: Type.Integer(),
            monthDays: Type.Integer(),
          }),
        ),
        consumptionKop: Type.Integer(),
        fixedFeeKop: Type.Integer(),
        totalKop: Type.Integer(),
      }),
    ),
    access: "public",
    // Reads tariffs only, nobody's account: there is nothing of anyone's to aim it at.
    probe: null,
    run: (deps, _context, input) => calculateUtilityCost(deps, input),
  }),

  listCalculatorChoices: defineUseCase({
    name: "listCalculatorChoices",
    tag: "billing",
    summary: "The providers, services and settlements the calculator has tariffs for",
    description:
      "Each service with its unit and the kind of norm its tariff in force today sets (null: a meter only).",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Unsafe<CalculatorChoice[]>(
      Type.Array(
        Type.Object({
          id: Type.Integer(),
          code: Type.String(),
          name: Translated,
          services: Type.Array(
            Type.Object({
              service: Type.String(),
              name: Translated,
              unit: Type.String(),
              normKind: Type.Union([Type.String(), Type.Null()]),
              settlements: Type.Array(
                Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated }),
              ),
            }),
          ),
        }),
      ),
    ),
    access: "public",
    probe: null,
    run: (deps) => calculatorChoices(deps),
  }),

  estimateWithoutReading: defineUseCase({
    name: "estimateWithoutReading",
    tag: "billing",
    summary: "What each meter would be billed, by the estimation rule, if no reading is given this month",
    input: Type.Object({ accountId: Id }, { additionalProperties: false }),
    output: Ref<EstimateWithoutReading>("AccountEstimate"),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) =>
      estimateWithoutReading(deps, { actor: context.actor, accountId: input.accountId }),
  }),
};
