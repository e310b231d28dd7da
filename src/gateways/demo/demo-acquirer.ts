// The demo gateway's own side, the part LiqPay's servers play for real payments: read the signed checkout the
// resident's browser brought, and after the card form, sign the callback the app's callback path will verify.
import { randomInt, randomUUID } from "node:crypto";
import type { CheckoutOrder } from "../../services/payments/gateway.ts";
import { amountToKop } from "../liqpay/liqpay-protocol.ts";
import { decodeData, encodeData, sign, signatureMatches } from "../liqpay/signature.ts";
import { DEMO_PRIVATE_KEY, DEMO_PUBLIC_KEY } from "./demo-gateway.ts";

/** The order as the demo gateway reads it from a checkout signed with its key. */
export interface DemoCheckout {
  data: string;
  signature: string;
  orderId: string;
  amountKop: number;
  /** As the checkout carried it (a JSON number), echoed back in the callback like LiqPay does. */
  amount: unknown;
  currency: string;
  description: string;
  language: CheckoutOrder["locale"] | null;
  serverUrl: string;
  resultUrl: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** null unless `data` is a checkout signed with the demo key, for the demo merchant, with what a payment needs. */
export function readDemoCheckout(fields: { data?: string; signature?: string }): DemoCheckout | null {
  const data = fields.data ?? "";
  const signature = fields.signature ?? "";
  if (!data || !signature || !signatureMatches(DEMO_PRIVATE_KEY, data, signature)) return null;
  const params = decodeData(data);
  if (!params || params["public_key"] !== DEMO_PUBLIC_KEY || params["action"] !== "pay") return null;
  const amountKop = amountToKop(params["amount"]);
  const orderId = str(params["order_id"]);
  const resultUrl = str(params["result_url"]);
  if (amountKop === null || !orderId || !/^https?:\/\//.test(resultUrl)) return null;
  const language = params["language"];
  return {
    data,
    signature,
    orderId,
    amountKop,
    amount: params["amount"],
    currency: str(params["currency"]),
    description: str(params["description"]),
    language: language === "uk" || language === "ru" || language === "en" ? language : null,
    serverUrl: str(params["server_url"]),
    resultUrl,
  };
}

/** The callback LiqPay would post for this card's outcome: data and signature, signed with the demo key. */
export function demoCallback(
  checkout: DemoCheckout,
  result: { outcome: "success" | "failure"; mask: string },
  now: Date,
): { data: string; signature: string } {
  const params: Record<string, unknown> = {
    version: 3,
    public_key: DEMO_PUBLIC_KEY,
    action: "pay",
    payment_id: randomInt(1_000_000_000, 2_000_000_000),
    status: result.outcome,
    type: "buy",
    paytype: "card",
    order_id: checkout.orderId,
    liqpay_order_id: `DEMO-${randomUUID().slice(0, 8).toUpperCase()}`,
    description: checkout.description,
    sender_card_mask2: result.mask,
    sender_card_type: "visa",
    amount: checkout.amount,
    currency: checkout.currency,
    create_date: now.getTime(),
    end_date: now.getTime(),
    is_3ds: false,
  };
  if (result.outcome === "failure") {
    params["err_code"] = "limit";
    params["err_description"] = "Declined: demo test card 4000 0000 0000 0002";
  }
  const data = encodeData(params);
  return { data, signature: sign(DEMO_PRIVATE_KEY, data) };
}
