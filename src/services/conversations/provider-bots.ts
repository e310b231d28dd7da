// Providers' own bots (a utility with its own Viber bot): registered by the platform administrator or the
// provider's administrator, each at /webhooks/<platform>/<key>. Tokens and secrets are written, never shown again.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

export interface ProviderBotView {
  platform: ChatPlatform;
  key: string;
  provider: string;
  webhookPath: string;
  hasSecret: boolean;
  createdAt: string;
}

export async function saveProviderBot(
  deps: Deps,
  options: {
    actor: Actor;
    provider: string | number;
    platform: ChatPlatform;
    key: string;
    token: string;
    secret?: string | undefined;
    verifyToken?: string | undefined;
  },
): Promise<{ bot: ProviderBotView; created: boolean }> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  // Each platform checks its webhooks with something: Telegram its secret token, Messenger its app secret (and the
  // verify token for the subscription); Viber signs with the auth token itself.
  if (options.platform === "telegram" && !options.secret) throw new AppError("bot_secret_required");
  if (options.platform === "messenger" && !(options.secret && options.verifyToken))
    throw new AppError("bot_secret_required");
  const { db } = deps.database;
  const existing = await db
    .selectFrom("chat_bots")
    .select(["provider_id"])
    .where("platform", "=", options.platform)
    .where("key", "=", options.key)
    .executeTakeFirst();
  // Another provider's key is not this administrator's to take over.
  if (existing && existing.provider_id !== provider.id) throw new AppError("bot_key_taken");
  const row = await db
    .insertInto("chat_bots")
    .values({
      platform: options.platform,
      key: options.key,
      provider_id: provider.id,
      token: options.token,
      secret: options.secret ?? null,
      verify_token: options.verifyToken ?? null,
    })
    .onConflict((oc) =>
      oc.columns(["platform", "key"]).doUpdateSet({
        token: options.token,
        secret: options.secret ?? null,
        verify_token: options.verifyToken ?? null,
      }),
    )
    .returning(["platform", "key", "secret", "created_at"])
    .executeTakeFirstOrThrow();
  return {
    bot: {
      platform: row.platform,
      key: row.key,
      provider: provider.code,
      webhookPath: `/webhooks/${row.platform}/${row.key}`,
      hasSecret: row.secret !== null,
      createdAt: row.created_at.toISOString(),
    },
    created: !existing,
  };
}

export async function listProviderBots(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<ProviderBotView[]> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const rows = await deps.database.db
    .selectFrom("chat_bots")
    .select(["platform", "key", "secret", "created_at"])
    .where("provider_id", "=", provider.id)
    .orderBy("platform")
    .orderBy("key")
    .execute();
  return rows.map((r) => ({
    platform: r.platform,
    key: r.key,
    provider: provider.code,
    webhookPath: `/webhooks/${r.platform}/${r.key}`,
    hasSecret: r.secret !== null,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The provider a bot of its own serves (its conversations go to that contact centre). */
export async function providerOfBot(deps: Deps, platform: ChatPlatform, key: string): Promise<number | null> {
  if (key === "") return null;
  const row = await deps.database.db
    .selectFrom("chat_bots")
    .select("provider_id")
    .where("platform", "=", platform)
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.provider_id ?? null;
}
