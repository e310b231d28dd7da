// Use cases of online payments: start one, see how it stands, a gateway's callback (public: its signature is
// the check), and the page a resident returns to from the gateway (public: the random order id is the key).
import { Type } from "typebox";
import { MoneyFormatError, parseUah } from "../../domain/money.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Deps, PaymentDeps } from "../deps.ts";
import { invalidInput } from "../input-problem.ts";
import { Id, Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import type { CallbackBody } from "./gateway.ts";
import type { PaymentOrderView } from "./order-view.ts";
import { type PaymentResult, paymentResult } from "./payment-result.ts";
import { paymentStatus } from "./payment-status.ts";
import { type CallbackResult, receivePaymentCallback } from "./receive-payment-callback.ts";
import { type StartPaymentResult, startPayment } from "./start-payment.ts";

const SERVICES = ["electricity", "cold_water", "hot_water", "gas", "heating", "sewerage"] as const;
const OrderId = Type.String({ maxLength: 64 });

/** The deps with the gateways composed (compose.ts); none composed: no payments here. */
function withGateways(deps: Deps): PaymentDeps {
  return { ...deps, gateways: deps.gateways ?? new Map() };
}

/** Hryvnias as a person writes them ("1 234,56"), or kopiykas as a program sends them. */
function amountInKopiykas(input: { amount?: string | undefined; amountKop?: number | undefined }): number {
  if (input.amountKop !== undefined) return input.amountKop;
  try {
    return parseUah(input.amount ?? "");
  } catch (e) {
    if (!(e instanceof MoneyFormatError)) throw e;
    throw invalidInput({ field: "amount", in: "input", rule: "amount" });
  }
}

export const paymentUseCases = {
  startPayment: defineUseCase({
    name: "startPayment",
    tag: "payments",
    summary: "Start paying an account online: the order, and the form to post to the card gateway",
    description:
      'Give the amount in hryvnias (amount, e.g. "1 234,56") or in kopiykas (amountKop), from 0.01 to 100,000 ' +
      "UAH; optionally the period (YYYY-MM, up to the coming month) and the service it pays. The answer's " +
      "checkout is an HTML form for the browser: POST its fields to its url (LiqPay's checkout page, or the " +
      "built-in demo gateway's). The gateway then calls back and the order's status follows (paymentStatus). A " +
      "resident reaches only their own accounts (anything else is 404). An Idempotency-Key header makes " +
      "retries return the same order. 503 payments_unavailable when no gateway is configured.",
    input: Type.Object(
      {
        accountId: Id,
        amount: Type.Optional(
          Type.String({ minLength: 1, maxLength: 20, description: 'Hryvnias: "123.45", "1 234,56"' }),
        ),
        amountKop: Type.Optional(Type.Integer({ description: "Kopiykas" })),
        period: Type.Optional(Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" })),
        service: Type.Optional(
          Type.Unsafe<(typeof SERVICES)[number]>({ type: "string", enum: [...SERVICES] }),
        ),
        gateway: Type.Optional(
          Type.String({ pattern: "^[a-z][a-z0-9_]{0,30}$", description: "Default: the first enabled" }),
        ),
        idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false, oneOf: [{ required: ["amount"] }, { required: ["amountKop"] }] },
    ),
    output: Ref<StartPaymentResult>("StartedPayment"),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, amountKop: 10_000 }),
    run: async (deps, context, input) => {
      // Whose account first: someone else's is "not found" whether or not payments are configured.
      await findAccountForActor(deps.database.db, context.actor, input.accountId);
      const amountKop = amountInKopiykas(input);
      const payments = withGateways(deps);
      if (payments.gateways.size > 0 && !deps.appUrl) throw new Error("deps.appUrl is not composed");
      return startPayment(payments, {
        actor: context.actor,
        accountId: input.accountId,
        amountKop,
        period: input.period,
        service: input.service,
        gateway: input.gateway,
        appUrl: deps.appUrl ?? "",
        locale: context.locale,
        idempotencyKey: input.idempotencyKey,
      });
    },
  }),

  paymentStatus: defineUseCase({
    name: "paymentStatus",
    tag: "payments",
    summary: "How a payment order stands",
    description: "For whoever may see its account; anyone else gets 404.",
    input: Type.Object({ orderId: OrderId }, { additionalProperties: false }),
    output: Ref<PaymentOrderView>("PaymentOrder"),
    access: "signed_in",
    probe: (t) => ({ orderId: t.orderId }),
    run: (deps, context, input) => paymentStatus(deps, { actor: context.actor, orderId: input.orderId }),
  }),

  receivePaymentCallback: defineUseCase({
    name: "receivePaymentCallback",
    tag: "payments",
    summary: "A card gateway's server-to-server callback (LiqPay API v3: data and signature)",
    description:
      "Form-encoded (or JSON) data = base64(JSON) and signature = base64(sha1(private_key + data + private_key)). " +
      "200 when accepted (applied, or unchanged for a repeat: a payment is credited once per order); 400 with a " +
      "code when unsigned, forged, malformed, for an unknown order, or for another amount or currency. Every " +
      "callback is recorded.",
    input: Type.Object(
      {
        gateway: Type.String({ maxLength: 32 }),
        /** The fields as posted, before anything is trusted: the signature is checked inside. */
        body: Type.Unsafe<CallbackBody>({ type: "object" }),
        remoteAddress: Type.Optional(Type.String({ maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
    output: Ref<CallbackResult>("PaymentCallbackResult"),
    access: "public",
    // Trusted by its signature, not by a caller: there is no one's resource to aim it at.
    probe: null,
    run: (deps, _context, input) =>
      receivePaymentCallback(withGateways(deps), {
        gateway: input.gateway,
        body: input.body,
        remoteAddress: input.remoteAddress,
      }),
  }),

  paymentResult: defineUseCase({
    name: "paymentResult",
    tag: "payments",
    summary: "How a payment went, for the page the gateway sends the resident back to",
    description: "No sign-in: the random order id is the key; only the status, the amount and the provider.",
    input: Type.Object({ orderId: OrderId }, { additionalProperties: false }),
    output: Type.Unsafe<PaymentResult>({ type: "object" }),
    access: "public",
    // The unguessable order id is the capability, as in a link; nothing about the account or its holder shows.
    probe: null,
    run: (deps, _context, input) => paymentResult(deps, { orderId: input.orderId }),
  }),
};
