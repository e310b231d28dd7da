// The console's statistics: a provider's figures per month and channel (administrators; a platform administrator
// any provider's), and refreshing the stored aggregates of a month (which the nightly job also does).
import { Type } from "typebox";
import { type Period, PeriodError, parsePeriod } from "../../domain/period.ts";
import { listProviders } from "../billing/list-providers.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { Period as PeriodSchema, Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { getMonthlyStatistics } from "./get-monthly-statistics.ts";
import { refreshMonthlyStatistics } from "./refresh-monthly-statistics.ts";
import { STATISTIC_METRICS } from "./statistic-metrics.ts";
import { statisticsRange } from "./statistics-periods.ts";
import { providersVisibleTo, statisticsProvider } from "./statistics-scope.ts";

const ProviderName = Type.String({
  minLength: 1,
  maxLength: 60,
  description: "The provider's code or id; staff may name only their own (the default)",
});
const ProviderOut = Type.Object({ code: Type.String(), name: Translated });

function periodOf(text: string, field: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    if (e instanceof PeriodError)
      throw new AppError("validation_failed", { details: `${field}: YYYY-MM` }, { field, in: "input" });
    throw e;
  }
}

export const statisticsUseCases = {
  getMonthlyStatistics: defineUseCase({
    name: "getMonthlyStatistics",
    tag: "statistics",
    summary: "A provider's statistics per month and channel",
    description:
      "Active residents, readings submitted (and how many late), bills (and how many estimated), payments by the " +
      "way they came and audit-log lines, per month and channel. Stored months come from the nightly aggregates; " +
      "the current month, and a month not yet stored, are computed for the answer. Calls and conversations have " +
      "no source yet. Definitions: docs/console.md, Statistics.",
    input: Type.Object(
      { provider: Type.Optional(ProviderName), from: PeriodSchema, to: PeriodSchema },
      { additionalProperties: false },
    ),
    output: Type.Object({
      provider: ProviderOut,
      providers: Type.Array(ProviderOut, { description: "Whose statistics the caller may choose" }),
      metrics: Type.Array(Type.String()),
      months: Type.Array(
        Type.Object({
          period: Type.String({ description: "YYYY-MM" }),
          computedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
            description: "When the stored figures were computed; null: computed for this answer",
          }),
          rows: Type.Array(
            Type.Object({
              metric: Type.String(),
              channel: Type.String({ description: "A channel, a payment's way in, or 'all'" }),
              value: Type.Integer({ minimum: 0 }),
              amountKop: Type.Union([Type.Integer(), Type.Null()]),
            }),
          ),
        }),
      ),
    }),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode, from: t.period, to: t.period }),
    run: async (deps, context, input) => {
      // Whose first: an outsider learns nothing of the input's rules.
      const provider = await statisticsProvider(deps, context.actor, input.provider);
      const periods = statisticsRange(periodOf(input.from, "from"), periodOf(input.to, "to"), deps.now());
      const months = await getMonthlyStatistics(deps, { provider, periods });
      const providers = await providersVisibleTo(deps, context.actor);
      return {
        provider: { code: provider.code, name: provider.name },
        providers: providers.map((p) => ({ code: p.code, name: p.name })),
        metrics: [...STATISTIC_METRICS],
        months: months.map((m) => ({
          period: m.period,
          computedAt: m.computedAt?.toISOString() ?? null,
          rows: m.rows,
        })),
      };
    },
  }),

  refreshMonthlyStatistics: defineUseCase({
    name: "refreshMonthlyStatistics",
    tag: "statistics",
    summary: "Recompute and store a month's statistics",
    description:
      "Replaces the stored figures of the month for the provider (an administrator's own; a platform " +
      "administrator names one, or leaves it out for every provider). The nightly job does this for the current " +
      "and the previous month.",
    input: Type.Object(
      { provider: Type.Optional(ProviderName), period: PeriodSchema },
      { additionalProperties: false },
    ),
    output: Type.Object({
      period: Type.String(),
      computedAt: Type.String({ format: "date-time" }),
      providers: Type.Array(Type.Object({ code: Type.String(), rows: Type.Integer() })),
    }),
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, period: t.period }),
    run: async (deps, context, input) => {
      const period = periodOf(input.period, "period");
      const actor = context.actor;
      const providers =
        input.provider !== undefined
          ? [await findProviderForActor(deps, actor, input.provider)]
          : actor.kind === "platform_admin"
            ? await listProviders(deps)
            : [await statisticsProvider(deps, actor)];
      const done = await refreshMonthlyStatistics(deps, { providers, period });
      return { ...done, computedAt: done.computedAt.toISOString() };
    },
  }),
};
