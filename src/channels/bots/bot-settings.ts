// The platform-wide bots from the environment (config.ts): which are on, with their tokens and API addresses.
import type { Config } from "../../config.ts";

export type BotSettings = Partial<Pick<Config, "telegram" | "viber" | "messenger" | "botApiBases">>;
