// The partners' surface (docs/partners.md): what a signed partner calls (access "partner": its account scope is its
// granted providers), and what the platform administrator manages partners with.
import { Type } from "typebox";
import { parseLocalDate } from "../../domain/local-date.ts";
import { parseUah } from "../../domain/money.ts";
import type { Actor } from "../actor.ts";
import type { ActorContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { MoneySchema } from "../ledger/money-view.ts";
import type { SubmitReadingResult } from "../readings/reading-submission.ts";
import { Id, LocalDate, Period, Ref, ServiceCode } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { cancelPartnerPayment } from "./cancel-partner-payment.ts";
import { listPartners } from "./list-partners.ts";
import { lookupForPartner } from "./lookup-for-partner.ts";
import { partnerDayRegistry } from "./partner-day-registry.ts";
import { partnerPaymentStatus } from "./partner-payment-status.ts";
import { reconcilePartnerDay } from "./reconcile-partner-day.ts";
import {
  dismissReconciliationLine,
  listPartnerReconciliations,
  postReconciliationLine,
} from "./reconciliation-lines.ts";
import { registerPartner } from "./register-partner.ts";
import { revokePartnerKey, rotatePartnerKey } from "./rotate-partner-key.ts";
import { submitPartnerReading } from "./submit-partner-reading.ts";
import { takePartnerPayment } from "./take-partner-payment.ts";
import { updatePartner } from "./update-partner.ts";

/** The partner behind a partner use case (the registry let only partners through). */
export function partnerOf(context: ActorContext): Extract<Actor, { kind: "partner" }> {
  if (context.actor.kind !== "partner") throw new AppError("forbidden");
  return context.actor;
}

const ProviderCode = Type.String({
  minLength: 1,
  maxLength: 30,
  description: 'The provider\'s code, e.g. "deu"',
});
const AccountNumber = Type.String({
  minLength: 1,
  maxLength: 40,
  description:
    "The personal account number as the payer typed it (spaces, dashes and look-alike letters allowed)",
});
export const TxnId = Type.String({
  pattern: "^[A-Za-z0-9._/-]{1,64}$",
  description: "The partner's own transaction id: one payment, however many times it is delivered",
});
export const AmountUah = Type.String({
  pattern: "^[0-9]{1,9}([.][0-9]{1,2})?$",
  description: 'Hryvnias with a dot: "1234.50"',
});

const PaymentView = Type.Object({
  txnId: Type.String(),
  receipt: Type.String({ description: "Our id of the payment (the terminals' prv_txn)" }),
  status: Type.Union([Type.Literal("posted"), Type.Literal("cancelled")]),
  provider: Type.String(),
  account: Type.String(),
  amount: MoneySchema,
  paidAt: Type.String({ format: "date-time" }),
  paidOn: Type.String({ format: "date" }),
  service: Type.Union([Type.String(), Type.Null()]),
  period: Type.String(),
  cancelledAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

const Lookup = Type.Object({
  provider: Type.Object({ code: Type.String(), name: Type.String() }),
  payee: Type.Object({ name: Type.String(), edrpou: Type.String(), iban: Type.String() }),
  account: Type.String(),
  payer: Type.Object({
    name: Type.String({ description: 'Masked: "Ш******о Т. І."' }),
    address: Type.String({ description: 'Masked: "вул. М***, 12"' }),
  }),
  due: Type.Array(
    Type.Object({
      service: Type.Union([Type.String(), Type.Null()]),
      period: Type.String(),
      amount: MoneySchema,
    }),
  ),
  totalDue: MoneySchema,
  planned: Type.Union([
    Type.Object({
      period: Type.String(),
      services: Type.Array(Type.Object({ service: Type.String(), amount: MoneySchema })),
      total: MoneySchema,
    }),
    Type.Null(),
  ]),
  meters: Type.Array(
    Type.Object({
      id: Type.Integer(),
      service: Type.String(),
      zones: Type.Integer(),
      lastReadings: Type.Array(
        Type.Object({
          zone: Type.Integer(),
          value: Type.String(),
          deemedOn: Type.String({ format: "date" }),
        }),
      ),
      window: Type.Object({
        open: Type.Boolean(),
        opensOn: Type.String({ format: "date" }),
        closesOn: Type.String({ format: "date" }),
      }),
    }),
  ),
});

const PartnerSettingsInput = {
  terminalProtocol: Type.Optional(Type.Boolean()),
  ipAllow: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 })),
  ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  minPaymentKop: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000_000 })),
  maxPaymentKop: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000_000 })),
  dailyLimitKop: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 })),
};
const PartnerCode = Type.String({
  pattern: "^[a-z][a-z0-9-]{1,29}$",
  description: 'e.g. "privat-terminals"',
});

const ReconciliationLineFields = {
  lineNo: Type.Integer(),
  kind: Type.Union([
    Type.Literal("missing_ours"),
    Type.Literal("missing_theirs"),
    Type.Literal("mismatched"),
    Type.Literal("unreadable"),
  ]),
  txnId: Type.Union([Type.String(), Type.Null()]),
  account: Type.Union([Type.String(), Type.Null()]),
  amountKop: Type.Union([Type.Integer(), Type.Null()], { description: "Theirs: the amount in your file" }),
  ourAmountKop: Type.Union([Type.Integer(), Type.Null()], { description: "Ours: the amount we hold" }),
  paidOn: Type.Union([Type.String({ format: "date" }), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()], { description: "Why a line could not be read" }),
  raw: Type.Union([Type.String(), Type.Null()]),
};
const ReconciliationLine = Type.Object(ReconciliationLineFields);
const Counted = Type.Object({ count: Type.Integer(), kop: Type.Integer() });
const ReconciliationLineRef = {
  code: Type.String({ pattern: "^[a-z][a-z0-9-]{1,29}$" }),
  reconciliationId: Id,
  lineNo: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
};
const platformAdminOf = (context: ActorContext): Extract<Actor, { kind: "platform_admin" }> => {
  if (context.actor.kind !== "platform_admin") throw new AppError("forbidden");
  return context.actor;
};

const Zone = Type.Object(
  { zone: Type.Integer({ minimum: 1, maximum: 3 }), value: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
);

export const partnerUseCases = {
  partnerLookup: defineUseCase({
    name: "partnerLookup",
    tag: "partners",
    summary: "Whom the payer pays and what is due: payee, masked payer, debts, planned payment, meters",
    description:
      "With an amount, the partner's per-payment limits are checked as a payment's would be (422 " +
      "partner_amount_too_small or partner_amount_too_large), before the payer is asked to pay.",
    input: Type.Object(
      {
        provider: ProviderCode,
        account: AccountNumber,
        amount: Type.Optional({ ...AmountUah, description: "What the payer means to pay, to be checked" }),
      },
      { additionalProperties: false },
    ),
    output: Lookup,
    access: "partner",
    probe: (t) => ({ provider: t.providerCode, account: t.accountNumber }),
    run: (deps, context, input) =>
      lookupForPartner(deps, {
        actor: partnerOf(context),
        provider: input.provider,
        account: input.account,
        ...(input.amount === undefined ? {} : { amountKop: parseUah(input.amount) }),
      }),
  }),

  partnerPay: defineUseCase({
    name: "partnerPay",
    tag: "partners",
    summary: "Record a payment the partner took; idempotent on its transaction id",
    description:
      "201 with the receipt; the same txnId with the same content answers 200 with the same receipt, with other " +
      "content 409 partner_txn_conflict. Amounts outside the partner's limits are 422.",
    input: Type.Object(
      {
        txnId: TxnId,
        provider: ProviderCode,
        account: AccountNumber,
        amount: AmountUah,
        paidAt: Type.String({ format: "date-time", description: "When the payer paid, with its offset" }),
        service: Type.Optional(ServiceCode),
        period: Type.Optional(Period),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ created: Type.Boolean(), payment: PaymentView }),
    access: "partner",
    probe: (t) => ({
      txnId: "probe-1",
      provider: t.providerCode,
      account: t.accountNumber,
      amount: "1.00",
      paidAt: new Date().toISOString(),
    }),
    run: async (deps, context, input) => {
      const paidAt = new Date(input.paidAt);
      const taken = await takePartnerPayment(
        deps,
        partnerOf(context),
        {
          txnId: input.txnId,
          provider: input.provider,
          account: input.account,
          amountKop: parseUah(input.amount),
          paidAt,
          service: input.service,
          period: input.period,
        },
        context.channel === "api" ? "api" : "terminal",
      );
      return { created: taken.created, payment: taken.payment };
    },
  }),

  partnerCancelPayment: defineUseCase({
    name: "partnerCancelPayment",
    tag: "partners",
    summary: "Cancel a payment on the day it was paid (a reversal beside it in the ledger)",
    input: Type.Object({ txnId: TxnId }, { additionalProperties: false }),
    output: PaymentView,
    access: "partner",
    probe: () => ({ txnId: "probe-1" }),
    run: (deps, context, input) =>
      cancelPartnerPayment(deps, { actor: partnerOf(context), txnId: input.txnId }),
  }),

  partnerPaymentStatus: defineUseCase({
    name: "partnerPaymentStatus",
    tag: "partners",
    summary: "A payment by the partner's transaction id: posted or cancelled",
    input: Type.Object({ txnId: TxnId }, { additionalProperties: false }),
    output: PaymentView,
    access: "partner",
    probe: () => ({ txnId: "probe-1" }),
    run: (deps, context, input) =>
      partnerPaymentStatus(deps, { actor: partnerOf(context), txnId: input.txnId }),
  }),

  partnerSubmitReading: defineUseCase({
    name: "partnerSubmitReading",
    tag: "partners",
    summary: "Submit a meter reading for an account (channel bank), with submitReading's answers and codes",
    input: Type.Object(
      {
        provider: ProviderCode,
        account: AccountNumber,
        meterId: Type.Optional(Id),
        service: Type.Optional(ServiceCode),
        value: Type.Optional(Type.String({ maxLength: 40, description: "Shortcut for a single-zone meter" })),
        values: Type.Optional(Type.Array(Zone, { minItems: 1, maxItems: 3 })),
        confirmed: Type.Optional(Type.Boolean()),
        idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false, oneOf: [{ required: ["value"] }, { required: ["values"] }] },
    ),
    output: Ref<SubmitReadingResult>("SubmitReadingResult"),
    access: "partner",
    probe: (t) => ({
      provider: t.providerCode,
      account: t.accountNumber,
      meterId: t.meterId,
      value: "99999",
    }),
    run: (deps, context, input) =>
      submitPartnerReading(deps, {
        actor: partnerOf(context),
        provider: input.provider,
        account: input.account,
        meterId: input.meterId,
        service: input.service,
        values: input.values ?? [{ zone: 1, value: input.value ?? "" }],
        confirmed: input.confirmed,
        idempotencyKey: input.idempotencyKey,
      }),
  }),

  partnerDayRegistry: defineUseCase({
    name: "partnerDayRegistry",
    tag: "partners",
    summary: "The day's registry: the partner's payments paid on a Kyiv day and not cancelled, as a CSV file",
    description:
      "In the partner's registry layout (';' delimited, '.' decimals, YYYY-MM-DD dates, UTF-8, a header: " +
      "txn_id;account;amount;paid_on;provider_edrpou;period;service).",
    input: Type.Object({ day: LocalDate }, { additionalProperties: false }),
    output: Type.Object({
      fileName: Type.String(),
      day: Type.String({ format: "date" }),
      lines: Type.Integer(),
      totalKop: Type.Integer(),
      csv: Type.String(),
    }),
    access: "partner",
    // Names nothing but a day: a partner reaches only its own payments, whatever it asks.
    probe: null,
    run: (deps, context, input) => partnerDayRegistry(deps, partnerOf(context), parseLocalDate(input.day)),
  }),

  partnerReconcile: defineUseCase({
    name: "partnerReconcile",
    tag: "partners",
    summary: "Compare the partner's own registry of a day with our payments of that day; posts nothing",
    description:
      "The body is the CSV file in the day's registry layout. Lines are compared by txn_id: matched, mismatched " +
      "(other amounts), missing_ours (in your file, not with us: reviewed by the platform administrator), " +
      "missing_theirs (with us, not in your file), unreadable.",
    input: Type.Object(
      {
        day: LocalDate,
        fileName: Type.Optional(Type.String({ maxLength: 200 })),
        content: Type.String({ maxLength: 8 * 1024 * 1024 }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      id: Type.Integer(),
      day: Type.String({ format: "date" }),
      fileName: Type.String(),
      matched: Counted,
      mismatched: Type.Object({ count: Type.Integer(), theirKop: Type.Integer(), ourKop: Type.Integer() }),
      missingOurs: Counted,
      missingTheirs: Counted,
      unreadable: Type.Object({ count: Type.Integer() }),
      theirTotalKop: Type.Integer(),
      ourTotalKop: Type.Integer(),
      lines: Type.Array(ReconciliationLine),
    }),
    access: "partner",
    // Names nothing but a day: a partner reaches only its own payments, whatever it asks.
    probe: null,
    run: (deps, context, input) =>
      reconcilePartnerDay(deps, partnerOf(context), { ...input, day: parseLocalDate(input.day) }),
  }),

  listPartnerReconciliations: defineUseCase({
    name: "listPartnerReconciliations",
    tag: "platform",
    summary: "A partner's latest reconciliations, newest first, with the lines that did not match",
    input: Type.Object(
      { code: Type.String({ pattern: "^[a-z][a-z0-9-]{1,29}$" }) },
      { additionalProperties: false },
    ),
    output: Type.Array(
      Type.Object({
        id: Type.Integer(),
        day: Type.String({ format: "date" }),
        fileName: Type.String(),
        uploadedAt: Type.String(),
        matched: Type.Integer(),
        matchedKop: Type.Integer(),
        mismatched: Type.Integer(),
        missingOurs: Type.Integer(),
        missingOursKop: Type.Integer(),
        missingTheirs: Type.Integer(),
        missingTheirsKop: Type.Integer(),
        theirTotalKop: Type.Integer(),
        ourTotalKop: Type.Integer(),
        lines: Type.Array(
          Type.Object({
            ...ReconciliationLineFields,
            resolution: Type.Union([Type.Literal("posted"), Type.Literal("dismissed"), Type.Null()]),
            resolvedAt: Type.Union([Type.String(), Type.Null()]),
          }),
        ),
      }),
    ),
    access: "platform_admin",
    probe: null,
    run: (deps, _context, input) => listPartnerReconciliations(deps, input),
  }),

  postReconciliationLine: defineUseCase({
    name: "postReconciliationLine",
    tag: "platform",
    summary:
      "Post a line the partner's file has and we lacked, as the partner's payment under its txn id (once)",
    input: Type.Object(ReconciliationLineRef, { additionalProperties: false }),
    output: Type.Object({
      receipt: Type.String(),
      created: Type.Boolean(),
      amountKop: Type.Integer(),
      account: Type.String(),
    }),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: (deps, context, input) => postReconciliationLine(deps, platformAdminOf(context), input),
  }),

  dismissReconciliationLine: defineUseCase({
    name: "dismissReconciliationLine",
    tag: "platform",
    summary: "Dismiss a line the partner's file has and we lack: it is not posted",
    input: Type.Object(ReconciliationLineRef, { additionalProperties: false }),
    output: Type.Object({}),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: async (deps, context, input) => {
      await dismissReconciliationLine(deps, platformAdminOf(context), input);
      return {};
    },
  }),

  listPartners: defineUseCase({
    name: "listPartners",
    tag: "platform",
    summary:
      "The partners (banks, terminal networks): providers, limits, keys (never secrets), today's takings",
    input: Type.Object({ code: Type.Optional(PartnerCode) }, { additionalProperties: false }),
    output: Type.Array(
      Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        registrySource: Type.String(),
        providers: Type.Array(Type.String()),
        terminalProtocol: Type.Boolean(),
        ipAllow: Type.Array(Type.String()),
        ratePerMinute: Type.Integer(),
        minPaymentKop: Type.Integer(),
        maxPaymentKop: Type.Integer(),
        dailyLimitKop: Type.Integer(),
        disabled: Type.Boolean(),
        keys: Type.Array(
          Type.Object({
            keyId: Type.String(),
            createdAt: Type.String(),
            expiresAt: Type.Union([Type.String(), Type.Null()]),
            valid: Type.Boolean(),
          }),
        ),
        today: Type.Object({ payments: Type.Integer(), kop: Type.Integer() }),
      }),
    ),
    access: "platform_admin",
    probe: null,
    run: (deps, _context, input) => listPartners(deps, input),
  }),

  registerPartner: defineUseCase({
    name: "registerPartner",
    tag: "platform",
    summary: "Add a partner and grant it providers; its first key's secret is shown this once",
    input: Type.Object(
      {
        code: PartnerCode,
        name: Type.String({ minLength: 1, maxLength: 200 }),
        providers: Type.Array(ProviderCode, { maxItems: 200 }),
        ...PartnerSettingsInput,
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      keyId: Type.String(),
      secret: Type.String(),
      registrySource: Type.String(),
    }),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: (deps, _context, input) => registerPartner(deps, input),
  }),

  updatePartner: defineUseCase({
    name: "updatePartner",
    tag: "platform",
    summary:
      "Change a partner's providers, limits, allowed addresses, rate or protocol; disable or enable it",
    input: Type.Object(
      {
        code: PartnerCode,
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        providers: Type.Optional(Type.Array(ProviderCode, { maxItems: 200 })),
        disabled: Type.Optional(Type.Boolean()),
        ...PartnerSettingsInput,
      },
      { additionalProperties: false },
    ),
    output: Type.Object({}),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: async (deps, _context, input) => {
      await updatePartner(deps, input);
      return {};
    },
  }),

  rotatePartnerKey: defineUseCase({
    name: "rotatePartnerKey",
    tag: "platform",
    summary: "A new key for a partner (secret shown once); its old keys stay valid for the grace period",
    input: Type.Object(
      { code: PartnerCode, graceHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })) },
      { additionalProperties: false },
    ),
    output: Type.Object({ keyId: Type.String(), secret: Type.String(), oldKeysExpireAt: Type.String() }),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: (deps, _context, input) => rotatePartnerKey(deps, input),
  }),

  revokePartnerKey: defineUseCase({
    name: "revokePartnerKey",
    tag: "platform",
    summary: "Stop a partner's key at once (a leaked secret)",
    input: Type.Object(
      { code: PartnerCode, keyId: Type.String({ pattern: "^pk_[a-z0-9]{20,40}$" }) },
      { additionalProperties: false },
    ),
    output: Type.Object({}),
    access: "platform_admin",
    audited: true,
    probe: null,
    run: async (deps, _context, input) => {
      await revokePartnerKey(deps, input);
      return {};
    },
  }),
};
