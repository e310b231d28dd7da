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
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

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
  return {
    databaseUrl,
    dataDir: read(env, "DATA_DIR") ?? "./data",
    host: read(env, "HOST") ?? "0.0.0.0",
    port: integer(env, "PORT", 3000, 1, 65535),
    logLevel: oneOf(env, "LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
    dbPoolSize: integer(env, "DB_POOL_SIZE", 10, 1, 500),
    demo: oneOf(env, "DEMO", ["auto", "on", "off"], "auto"),
    demoAccounts: integer(env, "DEMO_ACCOUNTS", 2000, 10, 10_000_000),
    demoSeed: integer(env, "DEMO_SEED", 42, 0, 2_147_483_647),
    production: read(env, "NODE_ENV") === "production",
    trustProxy: oneOf(env, "TRUST_PROXY", ["true", "false"], "false") === "true",
  };
}
