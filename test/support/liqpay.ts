// Building LiqPay callbacks in tests exactly as LiqPay's documentation defines them, independently of the code
// under test: data = base64(JSON), signature = base64(sha1_binary(private_key + data + private_key)).
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";

export const TEST_PUBLIC_KEY = "sandbox_i00000000";
export const TEST_PRIVATE_KEY = "sandbox_a4825234f4bae72a0be04eafe9e8e2bada209255";

export function liqpayData(params: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(params), "utf8").toString("base64");
}

export function liqpaySignature(privateKey: string, data: string): string {
  return createHash("sha1")
    .update(privateKey + data + privateKey)
    .digest("base64");
}

export function decodeLiqpayData(data: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(data, "base64").toString("utf8"));
}

/** A callback's data as LiqPay sends it after a payment. */
export function callbackParams(
  orderId: string,
  amount: number,
  status: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    version: 3,
    public_key: TEST_PUBLIC_KEY,
    action: "pay",
    payment_id: 1_234_567_890,
    status,
    type: "buy",
    paytype: "card",
    acq_id: 414963,
    order_id: orderId,
    liqpay_order_id: "JD7PN2OA1592999999123456",
    description: "Оплата",
    sender_card_mask2: "424242*42",
    sender_card_bank: "pb",
    sender_card_type: "visa",
    sender_card_country: 804,
    amount,
    currency: "UAH",
    sender_commission: 0,
    receiver_commission: 2.75,
    agent_commission: 0,
    amount_debit: amount,
    amount_credit: amount,
    commission_debit: 0,
    commission_credit: 2.75,
    currency_debit: "UAH",
    currency_credit: "UAH",
    sender_bonus: 0,
    amount_bonus: 0,
    mpi_eci: "7",
    is_3ds: false,
    language: "uk",
    create_date: 1_700_000_000_000,
    end_date: 1_700_000_001_000,
    transaction_id: 1_234_567_890,
    ...extra,
  };
}

/** POSTs form fields to a callback path, form-urlencoded as LiqPay does. */
export async function postForm(app: FastifyInstance, url: string, fields: Record<string, string>) {
  const res = await app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

export function signedCallback(params: Record<string, unknown>, privateKey = TEST_PRIVATE_KEY) {
  const data = liqpayData(params);
  return { data, signature: liqpaySignature(privateKey, data) };
}
