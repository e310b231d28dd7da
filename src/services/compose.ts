// The one place an installation's dependencies are put together: the database, the clock, the payment gateways
// its configuration enables, the app's own address and the logger. `abonent serve`, the HTTP app and the command
// line take their Deps from here; tests start from makeDeps and add the configured parts with withConfigured.
import type { Logger } from "pino";
import { appAddress, type Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { configureGateways } from "../gateways/configure-gateways.ts";
import { type Deps, makeDeps } from "./deps.ts";

/** The parts of the configuration that shape Deps (all optional: a default is then used). */
export type DepsSettings = Partial<Pick<Config, "publicUrl" | "port" | "liqpay" | "demoGateway">>;

export interface ComposeOptions {
  database: Database;
  /** Absent: nothing that takes payments is composed (the command line's batch work). */
  config?: DepsSettings;
  now?: () => Date;
  log?: Logger;
}

export async function composeDeps(options: ComposeOptions): Promise<Deps> {
  const base = makeDeps(options.database, options.now);
  const deps = options.log ? { ...base, log: options.log } : base;
  return options.config ? withConfigured(deps, options.config) : deps;
}

/** Deps as given plus what the configuration adds; what is already there (gateways, address) is kept. */
export async function withConfigured(deps: Deps, config: DepsSettings): Promise<Deps> {
  // The address first: LiqPay without PUBLIC_URL is a configuration error before anything else is built.
  const appUrl = deps.appUrl ?? appAddress(config);
  const gateways = deps.gateways ?? (await configureGateways(deps, config));
  return { ...deps, appUrl, gateways };
}
