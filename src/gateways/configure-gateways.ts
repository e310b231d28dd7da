// Which gateways this installation offers, from the configuration: LiqPay when its keys are set, the demo
// gateway when DEMO_GATEWAY=on or (auto) when the demo region is loaded. LiqPay comes first: a payment that
// names no gateway goes to the real one.
import type { Config } from "../config.ts";
import type { Deps } from "../services/deps.ts";
import { demoRegionLoaded } from "../services/payments/demo-region-loaded.ts";
import type { PaymentGateway, PaymentGateways } from "../services/payments/gateway.ts";
import { createDemoGateway } from "./demo/demo-gateway.ts";
import { createLiqpayGateway } from "./liqpay/liqpay-gateway.ts";

export type GatewaySettings = Partial<Pick<Config, "liqpay" | "demoGateway">>;

export async function configureGateways(deps: Deps, settings: GatewaySettings): Promise<PaymentGateways> {
  const gateways = new Map<string, PaymentGateway>();
  if (settings.liqpay) gateways.set("liqpay", createLiqpayGateway(settings.liqpay));
  const demo = settings.demoGateway ?? "auto";
  if (demo === "on" || (demo === "auto" && (await demoRegionLoaded(deps)))) {
    gateways.set("demo", createDemoGateway());
  }
  return gateways;
}
