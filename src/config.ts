// Configuration from the environment, validated once at start-up with a message that names the bad value.

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  dbPoolSize: number;
  /** auto: load the demo region into an empty embedded database; on: into any empty database; off: never. */
  demo: "auto" | "on" | "off";
  demoAccounts: number;
  demoSeed: number;
  production: boolean;
  /** Behind a load balancer: take the client's address from X-Forwarded-For (rate limits count per address). */
  trustProxy: boolean;
  /** The app's address as browsers and gateways reach it (no trailing slash): payment callbacks and result pages. */
  publicUrl: string | undefined;
  /** LiqPay merchant keys (both or neither; then PUBLIC_URL is required) and its sandbox mode. */
  liqpay: { publicKey: string; privateKey: string; sandbox: boolean } | undefined;
  /** The built-in demo card gateway. auto: on when the demo region is loaded; on; off. */
  demoGateway: "auto" | "on" | "off";
  /** Where e-mail leaves (smtp://host:port, smtps://user:pass@host); unset: e-mails wait in the outbox. */
  smtpUrl: string | undefined;
  /** The From of e-mails. */
  mailFrom: string | undefined;
  /**
   * Two-step sign-in for administrators and platform administrators: "required" (the default) sends one who has
   * not set it up to the console's security page; "optional" leaves it to each person (a public demo whose shared
   * administrator must not be tied to one visitor's phone). STAFF_TWO_FACTOR.
   */
  staffTwoFactor: "required" | "optional";
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const DEFAULT_PORT = 3000;

type Env = Record<string, string | undefined>;

/** An empty string counts as unset, so `FOO= npm start` does not smuggle in a blank value. */
function read(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === "" ? undefined : v;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(", ")}, got "${raw}"`);
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = read(env, "DATABASE_URL");
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL", "expected postgres://user@host:port/database");
  }
  const production = read(env, "NODE_ENV") === "production";
  return {
    databaseUrl,
    dataDir: read(env, "DATA_DIR") ?? "./data",
    host: read(env, "HOST") ?? "0.0.0.0",
    port: integer(env, "PORT", DEFAULT_PORT, 1, 65535),
    logLevel: oneOf(env, "LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
    dbPoolSize: integer(env, "DB_POOL_SIZE", 10, 1, 500),
    demo: oneOf(env, "DEMO", ["auto", "on", "off"], "auto"),
    demoAccounts: integer(env, "DEMO_ACCOUNTS", 2000, 10, 10_000_000),
    demoSeed: integer(env, "DEMO_SEED", 42, 0, 2_147_483_647),
    production,
    staffTwoFactor: oneOf(env, "STAFF_TWO_FACTOR", ["required", "optional"], "required"),
    trustProxy: oneOf(env, "TRUST_PROXY", ["true", "false"], "false") === "true",
    ...paymentSettings(env),
    ...mailSettings(env),
  };
}

/**
 * Where residents' browsers and gateways reach the app: PUBLIC_URL, else (the demo gateway on a developer's
 * machine) this server's own port on localhost. Never taken from a request: a forged Host header would send
 * payments and their callbacks elsewhere. A real gateway needs PUBLIC_URL (checked by loadConfig, and again by
 * the app for configurations built in code).
 */
export function appAddress(config: Partial<Pick<Config, "publicUrl" | "port" | "liqpay">>): string {
  if (config.publicUrl) return config.publicUrl;
  if (config.liqpay)
    throw new ConfigError("PUBLIC_URL", "required with LiqPay keys: LiqPay posts its callbacks there");
  return `http://localhost:${config.port ?? DEFAULT_PORT}`;
}

/** Payments: PUBLIC_URL, LIQPAY_PUBLIC_KEY, LIQPAY_PRIVATE_KEY, LIQPAY_SANDBOX, DEMO_GATEWAY (docs/payments.md). */
function paymentSettings(env: Env): Pick<Config, "publicUrl" | "liqpay" | "demoGateway"> {
  const rawUrl = read(env, "PUBLIC_URL");
  if (rawUrl !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(rawUrl)) {
    throw new ConfigError("PUBLIC_URL", `expected http(s)://host[:port][/path], got "${rawUrl}"`);
  }
  const publicUrl = rawUrl?.replace(/\/+$/, "");
  const publicKey = read(env, "LIQPAY_PUBLIC_KEY");
  const privateKey = read(env, "LIQPAY_PRIVATE_KEY");
  if ((publicKey === undefined) !== (privateKey === undefined)) {
    const missing = publicKey === undefined ? "LIQPAY_PUBLIC_KEY" : "LIQPAY_PRIVATE_KEY";
    throw new ConfigError(missing, "LiqPay needs both LIQPAY_PUBLIC_KEY and LIQPAY_PRIVATE_KEY");
  }
  for (const [name, key] of [
    ["LIQPAY_PUBLIC_KEY", publicKey],
    ["LIQPAY_PRIVATE_KEY", privateKey],
  ] as const) {
    if (key !== undefined && !/^[\x21-\x7e]{4,200}$/.test(key)) {
      throw new ConfigError(name, "expected the key as LiqPay shows it: printable characters, no spaces");
    }
  }
  // LiqPay posts its callback to server_url: without a public address it would never reach us.
  if (publicKey !== undefined && publicUrl === undefined) {
    throw new ConfigError("PUBLIC_URL", "required with LiqPay keys: LiqPay posts its callbacks there");
  }
  const sandbox = oneOf(env, "LIQPAY_SANDBOX", ["on", "off"], "off") === "on";
  return {
    publicUrl,
    liqpay: publicKey && privateKey ? { publicKey, privateKey, sandbox } : undefined,
    demoGateway: oneOf(env, "DEMO_GATEWAY", ["auto", "on", "off"], "auto"),
  };
}

/** E-mail: SMTP_URL and MAIL_FROM. */
function mailSettings(env: Env): Pick<Config, "smtpUrl" | "mailFrom"> {
  const smtpUrl = read(env, "SMTP_URL");
  if (smtpUrl !== undefined && !/^smtps?:\/\/\S+$/.test(smtpUrl)) {
    throw new ConfigError("SMTP_URL", "expected smtp://host:port or smtps://user:password@host:port");
  }
  return { smtpUrl, mailFrom: read(env, "MAIL_FROM") };
}
