// A gateway that speaks LiqPay API v3: the checkout form (data + signature posted by the browser), the
// signed callback, and LiqPay's status words. The LiqPay adapter uses it with the merchant's keys; the built-in
// demo gateway with its own demo keys, so the demo exercises exactly the code real payments go through.
import { parseScaledDecimal } from "../../domain/decimal.ts";
import { kop, uahString } from "../../domain/money.ts";
import type { PaymentOutcome } from "../../domain/payments/order-status.ts";
import type {
  CallbackBody,
  CallbackVerification,
  Checkout,
  CheckoutOrder,
  PaymentGateway,
} from "../../services/payments/gateway.ts";
import { decodeData, encodeData, sign, signatureMatches } from "./signature.ts";

export interface LiqpayProtocolOptions {
  name: string;
  publicKey: string;
  privateKey: string;
  sandbox: boolean;
  /** Where the browser posts the checkout form. */
  checkoutUrl(order: CheckoutOrder): string;
  /** LiqPay's page speaks Ukrainian and English. */
  language(order: CheckoutOrder): string;
}

// LiqPay's statuses (liqpay.ua/documentation/api/callback). Final: success, failure, error, reversed, sandbox.
// Everything else (3ds_verify, otp_verify, wait_accept, hold_wait, processing, prepared…) is on its way.
// wait_accept means the card was charged but the merchant account is not yet verified: LiqPay may still cancel
// it, so it is not credited until a "success" arrives.
const FAILED = new Set(["failure", "error"]);

export function mapLiqpayStatus(status: string, sandbox: boolean): PaymentOutcome {
  if (status === "success") return "success";
  if (status === "reversed") return "reversed";
  if (FAILED.has(status)) return "failure";
  // A test payment: money only in sandbox mode, where nothing real is ever paid.
  if (status === "sandbox") return sandbox ? "success" : "failure";
  return "processing";
}

/** "123.45", 123.45 or 100 → kopiykas, exactly; anything with a third decimal or not a number → null. */
export function amountToKop(amount: unknown): number | null {
  const text = typeof amount === "number" && Number.isFinite(amount) ? String(amount) : amount;
  if (typeof text !== "string" || !/^\d{1,12}(\.\d{1,2})?$/.test(text)) return null;
  const value = parseScaledDecimal(text, 2);
  return value === null ? null : kop(Number(value));
}

const text = (v: unknown): string | null =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;

export function createLiqpayProtocolGateway(options: LiqpayProtocolOptions): PaymentGateway {
  const { name, publicKey, privateKey, sandbox } = options;
  return {
    name,
    sandbox,

    checkout(order: CheckoutOrder): Checkout {
      const params: Record<string, unknown> = {
        version: 3,
        public_key: publicKey,
        action: "pay",
        // A JSON number, as LiqPay documents it, parsed from the exact decimal text (never computed in floats).
        amount: Number(uahString(kop(order.amountKop))),
        currency: order.currency,
        description: order.description,
        order_id: order.orderId,
        server_url: order.serverUrl,
        result_url: order.resultUrl,
        language: options.language(order),
      };
      if (sandbox) params["sandbox"] = "1";
      const data = encodeData(params);
      return {
        url: options.checkoutUrl(order),
        method: "POST",
        fields: { data, signature: sign(privateKey, data) },
      };
    },

    verifyCallback(body: CallbackBody): CallbackVerification {
      const data = body["data"] ?? "";
      const signature = body["signature"] ?? "";
      if (data === "" || signature === "") {
        return {
          ok: false,
          reason: "payment_callback_unsigned",
          signatureValid: false,
          payload: decodeData(data),
        };
      }
      const payload = decodeData(data);
      if (!signatureMatches(privateKey, data, signature)) {
        return { ok: false, reason: "payment_callback_forged", signatureValid: false, payload };
      }
      const orderId = text(payload?.["order_id"]);
      const status = text(payload?.["status"]);
      // Signed by the right key but for another merchant, or missing what a callback must carry.
      if (!payload || !orderId || !status || payload["public_key"] !== publicKey) {
        return { ok: false, reason: "payment_callback_malformed", signatureValid: true, payload };
      }
      return {
        ok: true,
        callback: {
          orderId,
          gatewayStatus: status,
          amountKop: amountToKop(payload["amount"]),
          currency: text(payload["currency"]) ?? "",
          paymentId: text(payload["payment_id"]),
          payload,
        },
      };
    },

    mapStatus: (status: string) => mapLiqpayStatus(status, sandbox),
  };
}
