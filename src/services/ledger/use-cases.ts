// The money views every channel shows (web cabinet, bots, API): balance, open debts, month-by-month history and
// the last bill's foot. Each reaches the account through the one scope check, then a few indexed queries.
import { Type } from "typebox";
import type { LedgerKind, LedgerSource } from "../../db/tables/money.table.ts";
import { Id, LocalDate, Period } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { MoneySchema } from "./money-view.ts";
import { viewBalance } from "./view-balance.ts";
import { type UsageBasis, viewConsumption } from "./view-consumption.ts";
import { viewDebts } from "./view-debts.ts";
import { MAX_MONTHS, viewEntries } from "./view-entries.ts";
import { HISTORY_PAGE, viewHistory } from "./view-history.ts";
import { viewLastBill } from "./view-last-bill.ts";

const ServiceOrWhole = Type.Union([Type.String(), Type.Null()], {
  description: "A service code; null: the whole account (an operator's adjustment)",
});
const strict = { additionalProperties: false } as const;
const MonthRange = {
  from: Type.Optional(Period),
  to: Type.Optional(Period),
};
const rangeDescription = `Months from \`from\` to \`to\` (YYYY-MM, both included; by default the twelve up to this month, at most ${MAX_MONTHS}).`;

export const ledgerUseCases = {
  accountBalance: defineUseCase({
    name: "accountBalance",
    tag: "money",
    summary: "An account's balance now or on a day: total, per service, advance",
    input: Type.Object({ accountId: Id, asOf: Type.Optional(LocalDate) }, strict),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        asOf: Type.String(),
        total: MoneySchema,
        services: Type.Array(Type.Object({ service: ServiceOrWhole, balance: MoneySchema }, strict)),
        advance: MoneySchema,
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewBalance(deps, { actor: context.actor, ...input }),
  }),

  accountDebts: defineUseCase({
    name: "accountDebts",
    tag: "money",
    summary: "An account's open debts by period and service, oldest first, and its advance",
    input: Type.Object({ accountId: Id, asOf: Type.Optional(LocalDate) }, strict),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        asOf: Type.String(),
        outstanding: Type.Array(
          Type.Object({ period: Type.String(), service: ServiceOrWhole, amount: MoneySchema }, strict),
        ),
        advance: MoneySchema,
        total: MoneySchema,
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewDebts(deps, { actor: context.actor, ...input }),
  }),

  accountHistory: defineUseCase({
    name: "accountHistory",
    tag: "money",
    summary: "Charges and payments month by month, newest first, a page at a time",
    description: `Months before \`before\` (YYYY-MM), \`limit\` of them (default ${HISTORY_PAGE}); nextBefore pages on.`,
    input: Type.Object(
      {
        accountId: Id,
        before: Type.Optional(Period),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
      },
      strict,
    ),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        months: Type.Array(
          Type.Object(
            {
              period: Type.String(),
              charges: Type.Array(Type.Object({ service: ServiceOrWhole, amount: MoneySchema }, strict)),
              chargesTotal: MoneySchema,
              payments: MoneySchema,
              balance: MoneySchema,
            },
            strict,
          ),
        ),
        nextBefore: Type.Union([Type.String(), Type.Null()]),
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewHistory(deps, { actor: context.actor, ...input }),
  }),

  lastBill: defineUseCase({
    name: "lastBill",
    tag: "money",
    summary: "The last bill's foot: period, amount due, planned payment for the next month",
    input: Type.Object({ accountId: Id }, strict),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        period: Type.String(),
        amountDue: MoneySchema,
        dueOn: Type.Union([Type.String(), Type.Null()]),
        planned: Type.Object(
          {
            period: Type.String(),
            services: Type.Array(Type.Object({ service: Type.String(), amount: MoneySchema }, strict)),
            total: MoneySchema,
          },
          strict,
        ),
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewLastBill(deps, { actor: context.actor, ...input }),
  }),

  accountEntries: defineUseCase({
    name: "accountEntries",
    tag: "money",
    summary: "Charges, payments and corrections one by one, with what explains them",
    description:
      `${rangeDescription} Each entry's kind (charge, estimated_charge: billed by average use or the norm ` +
      "because no reading arrived; recalculation: the estimated months corrected after a real reading, with " +
      "the estimated and the actual quantity; payment; adjustment; opening_balance), its month, date and source.",
    input: Type.Object({ accountId: Id, ...MonthRange }, strict),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        from: Type.String(),
        to: Type.String(),
        entries: Type.Array(
          Type.Object(
            {
              id: Type.Integer(),
              date: Type.String(),
              period: Type.String(),
              service: ServiceOrWhole,
              kind: Type.Unsafe<LedgerKind>({
                type: "string",
                enum: [
                  "charge",
                  "estimated_charge",
                  "recalculation",
                  "payment",
                  "adjustment",
                  "opening_balance",
                ],
              }),
              amount: MoneySchema,
              source: Type.Unsafe<LedgerSource>({
                type: "string",
                enum: ["billing", "payment_gateway", "bank_registry", "operator", "seed", "import"],
              }),
              recalculated: Type.Array(
                Type.Object(
                  {
                    period: Type.String(),
                    estimated: Type.String({ description: "Quantity billed by the estimate" }),
                    actual: Type.String({ description: "Quantity by the real reading" }),
                    charged: MoneySchema,
                    recalculated: MoneySchema,
                  },
                  strict,
                ),
              ),
            },
            strict,
          ),
        ),
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewEntries(deps, { actor: context.actor, ...input }),
  }),

  accountConsumption: defineUseCase({
    name: "accountConsumption",
    tag: "money",
    summary: "What each month was billed on, per service: quantity, unit, charge, and actual or estimated",
    description:
      `${rangeDescription} basis: actual (from readings; readingDate is the last reading's day), average or ` +
      "norm (estimated without a reading), none (no reading and nothing to estimate from), unmetered.",
    input: Type.Object({ accountId: Id, ...MonthRange }, strict),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        from: Type.String(),
        to: Type.String(),
        months: Type.Array(
          Type.Object(
            {
              period: Type.String(),
              services: Type.Array(
                Type.Object(
                  {
                    service: Type.String(),
                    unit: Type.Unsafe<"kWh" | "m3" | "Gcal">({ type: "string", enum: ["kWh", "m3", "Gcal"] }),
                    quantity: Type.String({ description: 'Three decimals: "150.000"' }),
                    amount: MoneySchema,
                    basis: Type.Unsafe<UsageBasis>({
                      type: "string",
                      enum: ["actual", "average", "norm", "none", "unmetered"],
                    }),
                    readingDate: Type.Union([Type.String(), Type.Null()]),
                  },
                  strict,
                ),
              ),
            },
            strict,
          ),
        ),
      },
      strict,
    ),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewConsumption(deps, { actor: context.actor, ...input }),
  }),
};
