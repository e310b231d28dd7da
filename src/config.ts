// Configuration from the environment, validated once at start-up with a message that names the bad value.
import { voiceModelDir } from "./gateways/speech/model-dir.ts";

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
  /** The platform-wide Telegram bot: TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_API_BASE (docs/bots.md). */
  telegram: { token: string; webhookSecret: string; apiBase: string } | undefined;
  /** The platform-wide Viber bot: VIBER_AUTH_TOKEN, VIBER_API_BASE. */
  viber: { authToken: string; apiBase: string } | undefined;
  /** The Messenger page: MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN, MESSENGER_API_BASE. */
  messenger: { pageToken: string; appSecret: string; verifyToken: string; apiBase: string } | undefined;
  /** The operator's SMS centre: SMPP_URL, smpp://system_id:password@host:port (ssmpp:// for TLS); unset: no SMPP
   * link, texts come only by the webhook and SMS in the outbox wait (docs/sms.md). */
  smppUrl: string | undefined;
  /** The short number texts come to and replies, codes and reminders leave from: SMS_SHORT_NUMBER. */
  smsShortNumber: string | undefined;
  /** The shared secret of the aggregators' webhook POST /webhooks/sms: SMS_WEBHOOK_SECRET; unset: 404. */
  smsWebhookSecret: string | undefined;
  /** Each messenger's API address, also for providers' own bots when no platform-wide bot is configured. */
  botApiBases: { telegram: string; viber: string; messenger: string };
  /** The phone voice bot (docs/voice.md). */
  voice: VoiceConfig;
}

export interface VoiceConfig {
  /** VOICE_PORT: `abonent serve` also listens for Asterisk's AudioSocket here; unset: no voice bot in serve. */
  port: number | undefined;
  /** VOICE_HOST: the address AudioSocket listens on (default HOST). */
  host: string;
  /** VOICE_ASR: none (keypad only), vosk (in-process, VOICE_MODEL_DIR), whisper-http (VOICE_ASR_URL). */
  asr: "none" | "vosk" | "whisper-http";
  /** VOICE_ASR_URL: a self-hosted Whisper server with the OpenAI-compatible /v1/audio/transcriptions. */
  asrUrl: string | undefined;
  /** VOICE_ASR_MODEL: the `model` field sent to the Whisper server. */
  asrModel: string | undefined;
  /** VOICE_MODEL_DIR: unpacked Vosk models, <dir>/uk and <dir>/ru. */
  modelDir: string;
  /** VOICE_PROMPTS_DIR: providers' own recordings, <dir>/<provider code>/<prompt>.<lang>.wav. */
  promptsDir: string | undefined;
  /** VOICE_PROVIDER: the provider (code) of a call nobody announced. */
  provider: string | undefined;
  /** VOICE_PBX_KEY: the dialplan's key for POST /voice/calls/<id> and GET …/next; unset: those routes are 404. */
  pbxKey: string | undefined;
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
    ...botSettings(env),
    ...smsSettings(env),
    voice: voiceSettings(env),
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

const API_BASES = {
  TELEGRAM_API_BASE: "https://api.telegram.org",
  VIBER_API_BASE: "https://chatapi.viber.com",
  MESSENGER_API_BASE: "https://graph.facebook.com/v21.0",
} as const;

function apiBase(env: Env, name: keyof typeof API_BASES): string {
  const raw = read(env, name);
  if (raw !== undefined && !/^https?:\/\/[^\s?#]+$/.test(raw)) {
    throw new ConfigError(name, `expected http(s)://host[:port][/path], got "${raw}"`);
  }
  return (raw ?? API_BASES[name]).replace(/\/+$/, "");
}

/** Every variable of a bot or none: a half-configured bot would take webhooks it cannot check or answer. */
function allOrNone(env: Env, names: readonly string[]): string[] | undefined {
  const values = names.map((n) => read(env, n));
  if (values.every((v) => v === undefined)) return undefined;
  const missing = names.find((_, i) => values[i] === undefined);
  if (missing)
    throw new ConfigError(missing, `required with ${names.filter((n) => n !== missing).join(", ")}`);
  return values as string[];
}

/** The messengers' bots (docs/bots.md). */
function botSettings(env: Env): Pick<Config, "telegram" | "viber" | "messenger" | "botApiBases"> {
  const telegram = allOrNone(env, ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"]);
  const viber = allOrNone(env, ["VIBER_AUTH_TOKEN"]);
  const messenger = allOrNone(env, [
    "MESSENGER_PAGE_TOKEN",
    "MESSENGER_APP_SECRET",
    "MESSENGER_VERIFY_TOKEN",
  ]);
  if (telegram && !/^[A-Za-z0-9_-]{1,256}$/.test(telegram[1]!)) {
    // Telegram sends the secret back in a header and allows only these characters in it.
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET", "expected 1–256 characters A–Z, a–z, 0–9, _ and -");
  }
  return {
    botApiBases: {
      telegram: apiBase(env, "TELEGRAM_API_BASE"),
      viber: apiBase(env, "VIBER_API_BASE"),
      messenger: apiBase(env, "MESSENGER_API_BASE"),
    },
    telegram: telegram && {
      token: telegram[0]!,
      webhookSecret: telegram[1]!,
      apiBase: apiBase(env, "TELEGRAM_API_BASE"),
    },
    viber: viber && { authToken: viber[0]!, apiBase: apiBase(env, "VIBER_API_BASE") },
    messenger: messenger && {
      pageToken: messenger[0]!,
      appSecret: messenger[1]!,
      verifyToken: messenger[2]!,
      apiBase: apiBase(env, "MESSENGER_API_BASE"),
    },
  };
}

/** SMS: SMPP_URL, SMS_SHORT_NUMBER, SMS_WEBHOOK_SECRET (docs/sms.md). */
function smsSettings(env: Env): Pick<Config, "smppUrl" | "smsShortNumber" | "smsWebhookSecret"> {
  const smppUrl = read(env, "SMPP_URL");
  if (smppUrl !== undefined && !/^s?smpp:\/\/[^\s:@/]+(:[^\s@/]*)?@[^\s/:]+(:\d{1,5})?\/?$/.test(smppUrl)) {
    throw new ConfigError("SMPP_URL", "expected smpp://system_id:password@host:port");
  }
  const smsShortNumber = read(env, "SMS_SHORT_NUMBER");
  if (smsShortNumber !== undefined && !/^(\+?[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$/.test(smsShortNumber)) {
    throw new ConfigError(
      "SMS_SHORT_NUMBER",
      "expected a number (3–15 digits) or a sender name of up to 11 letters",
    );
  }
  if (smppUrl !== undefined && smsShortNumber === undefined) {
    throw new ConfigError("SMS_SHORT_NUMBER", "required with SMPP_URL: replies leave from it");
  }
  const smsWebhookSecret = read(env, "SMS_WEBHOOK_SECRET");
  if (smsWebhookSecret !== undefined && smsWebhookSecret.length < 16) {
    throw new ConfigError("SMS_WEBHOOK_SECRET", "expected at least 16 characters");
  }
  return { smppUrl, smsShortNumber, smsWebhookSecret };
}

/** The voice bot: VOICE_PORT, VOICE_HOST, VOICE_ASR, VOICE_ASR_URL, VOICE_ASR_MODEL, VOICE_MODEL_DIR, VOICE_PROMPTS_DIR,
 * VOICE_PROVIDER, VOICE_PBX_KEY (docs/voice.md). */
export function voiceSettings(env: Env): VoiceConfig {
  const port = read(env, "VOICE_PORT") === undefined ? undefined : integer(env, "VOICE_PORT", 0, 1, 65535);
  const asr = oneOf(env, "VOICE_ASR", ["none", "vosk", "whisper-http"], "none");
  const asrUrl = read(env, "VOICE_ASR_URL")?.replace(/\/+$/, "");
  if (asrUrl !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(asrUrl))
    throw new ConfigError("VOICE_ASR_URL", `expected http(s)://host[:port][/path], got "${asrUrl}"`);
  if (asr === "whisper-http" && asrUrl === undefined)
    throw new ConfigError(
      "VOICE_ASR_URL",
      "required with VOICE_ASR=whisper-http: the Whisper server's address",
    );
  const provider = read(env, "VOICE_PROVIDER");
  if (provider !== undefined && !/^([a-z][a-z0-9-]*|[0-9]+)$/.test(provider))
    throw new ConfigError("VOICE_PROVIDER", `expected a provider's code, got "${provider}"`);
  const pbxKey = read(env, "VOICE_PBX_KEY");
  if (pbxKey !== undefined && !/^[A-Za-z0-9_-]{16,200}$/.test(pbxKey))
    throw new ConfigError("VOICE_PBX_KEY", "expected at least 16 letters, digits, _ or -");
  return {
    port,
    host: read(env, "VOICE_HOST") ?? read(env, "HOST") ?? "0.0.0.0",
    asr,
    asrUrl,
    asrModel: read(env, "VOICE_ASR_MODEL"),
    modelDir: voiceModelDir(env),
    promptsDir: read(env, "VOICE_PROMPTS_DIR"),
    provider,
    pbxKey,
  };
}
