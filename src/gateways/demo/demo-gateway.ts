// The built-in demo gateway: a card form served by the app itself that signs its callback exactly as LiqPay
// does (same protocol code, its own keys) and delivers it to the same callback path. So `npm start` shows paying
// end to end with no outside service.
//
// Its keys are published here on purpose: anyone can sign a demo callback. That is why the demo gateway is off
// unless the demo region is loaded (or DEMO_GATEWAY=on): it must never run where the ledger holds real money.
import type { PaymentGateway } from "../../services/payments/gateway.ts";
import { createLiqpayProtocolGateway } from "../liqpay/liqpay-protocol.ts";

export const DEMO_PUBLIC_KEY = "sandbox_demo_abonent";
export const DEMO_PRIVATE_KEY = "demo-gateway-private-key-published-not-secret";
export const DEMO_CHECKOUT_PATH = "/demo-gateway/checkout";
export const DEMO_PAY_PATH = "/demo-gateway/pay";

export function createDemoGateway(): PaymentGateway {
  return createLiqpayProtocolGateway({
    name: "demo",
    publicKey: DEMO_PUBLIC_KEY,
    privateKey: DEMO_PRIVATE_KEY,
    sandbox: true,
    checkoutUrl: (order) => order.appUrl + DEMO_CHECKOUT_PATH,
    // The demo's own pages speak all three of the app's languages.
    language: (order) => order.locale,
  });
}
