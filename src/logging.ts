// The one logger of `abonent serve` and the HTTP app (pino). What it never writes: secrets and personal data —
// bearer tokens, cookies, passwords, and the SQL parameters and row details a database error carries (a token
// hash, an e-mail). How it writes: pretty lines on a developer's terminal, JSON lines anywhere else (a pipe, a
// file, a log collector) and always in production.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config.ts";

const REDACTED = [
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "headers.cookie",
  "authorization",
  "password",
  "token",
  "*.password",
  "*.token",
  "*.token_hash",
];

// A database error's own fields that hold data rather than a description: the query's parameters (PGlite's
// params, and the like) and PostgreSQL's detail ("Key (email)=(…) already exists").
const DATA_FIELDS = ["params", "parameters", "detail", "data"];

function scrub(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > 5) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of DATA_FIELDS) delete out[field];
  if (out["cause"]) out["cause"] = scrub(out["cause"], depth + 1);
  if (Array.isArray(out["aggregateErrors"]))
    out["aggregateErrors"] = out["aggregateErrors"].map((e) => scrub(e, depth + 1));
  return out;
}

export function loggerOptions(config: Pick<Config, "logLevel">): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED, censor: "[redacted]" },
    serializers: { err: (err: Error) => scrub(pino.stdSerializers.err(err)) },
  };
}

/** Pretty only for a person at a terminal, never in production: log collectors want one JSON object a line. */
export function wantsPrettyLogs(
  config: Pick<Config, "production">,
  stdoutIsTty = process.stdout.isTTY,
): boolean {
  return !config.production && stdoutIsTty === true;
}

export function createLogger(
  config: Pick<Config, "logLevel" | "production">,
  destination?: DestinationStream,
): Logger {
  const options = loggerOptions(config);
  if (destination) return pino(options, destination);
  if (wantsPrettyLogs(config)) {
    return pino(options, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" }));
  }
  return pino(options);
}
