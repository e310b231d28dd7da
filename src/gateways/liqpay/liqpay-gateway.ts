// LiqPay (PrivatBank's card gateway): the resident's browser posts the signed order to LiqPay's checkout page,
// and LiqPay posts the result to our callback (server_url). Keys come from LIQPAY_PUBLIC_KEY/LIQPAY_PRIVATE_KEY.
import type { PaymentGateway } from "../../services/payments/gateway.ts";
import { createLiqpayProtocolGateway } from "./liqpay-protocol.ts";

export const LIQPAY_CHECKOUT_URL = "https://www.liqpay.ua/api/3/checkout";

export interface LiqpaySettings {
  publicKey: string;
  privateKey: string;
  /** LiqPay's sandbox: no card is charged, callbacks say "sandbox". */
  sandbox: boolean;
}

export function createLiqpayGateway(settings: LiqpaySettings): PaymentGateway {
  return createLiqpayProtocolGateway({
    name: "liqpay",
    ...settings,
    checkoutUrl: () => LIQPAY_CHECKOUT_URL,
    // LiqPay's checkout page is in Ukrainian or English.
    language: (order) => (order.locale === "en" ? "en" : "uk"),
  });
}
