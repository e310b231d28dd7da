// The role every card gateway plays (LiqPay, the built-in demo gateway; WayForPay or a bank's acquiring would be
// more adapters under src/gateways/): turn an order into the form the resident's browser posts to the gateway,
// check a callback's signature, and say what the gateway's status words mean. The services around it (start a
// payment, receive a callback) are the same for every gateway.
import type { PaymentOutcome } from "../../domain/payments/order-status.ts";
import type { Locale } from "../../i18n/locale.ts";

export interface CheckoutOrder {
  orderId: string;
  amountKop: number;
  currency: "UAH";
  /** What the payer sees at the gateway and on their bank statement. */
  description: string;
  locale: Locale;
  /** Where the gateway posts its server-to-server callback. */
  serverUrl: string;
  /** Where the resident's browser returns after paying. */
  resultUrl: string;
  /** The app's own address (the demo gateway's pages are served there). */
  appUrl: string;
}

/** An HTML form the browser posts: `fields` to `url`. */
export interface Checkout {
  url: string;
  method: "POST";
  fields: Record<string, string>;
}

/** What a callback's body carried (form fields), before anything is trusted. */
export type CallbackBody = Partial<Record<string, string>>;

/** A callback whose signature verified, in our terms. */
export interface VerifiedCallback {
  orderId: string;
  /** The gateway's own status word, e.g. LiqPay's "success", "sandbox", "wait_accept". */
  gatewayStatus: string;
  /** null when the amount is not a number of hryvnias with at most two decimals. */
  amountKop: number | null;
  currency: string;
  paymentId: string | null;
  /** The decoded data as the gateway sent it. */
  payload: Record<string, unknown>;
}

export type CallbackRejection =
  | "payment_callback_unsigned"
  | "payment_callback_forged"
  | "payment_callback_malformed";

export type CallbackVerification =
  | { ok: true; callback: VerifiedCallback }
  | {
      ok: false;
      reason: CallbackRejection;
      signatureValid: boolean;
      /** Whatever decoded, for the audit trail (never acted upon). */
      payload: Record<string, unknown> | null;
    };

export interface PaymentGateway {
  /** In URLs and in the database: "liqpay", "demo". */
  readonly name: string;
  /** Test payments only (LiqPay's sandbox, the demo gateway): its "sandbox" status then counts as paid. */
  readonly sandbox: boolean;
  checkout(order: CheckoutOrder): Checkout;
  /** Never throws: a bad callback is an answer, recorded with its reason. Compares signatures in constant time. */
  verifyCallback(body: CallbackBody): CallbackVerification;
  mapStatus(gatewayStatus: string): PaymentOutcome;
}

/** The enabled gateways by name; the first one is used when a payment names none. */
export type PaymentGateways = ReadonlyMap<string, PaymentGateway>;
