// The webhooks' one step: write the parsed update down (once per platform id) and wake the worker. The webhook
// then answers 200 at once; the conversation itself is the worker's.
import { recordUpdate } from "../../services/conversations/record-update.ts";
import type { Deps } from "../../services/deps.ts";
import type { BotUpdate } from "./bot-update.ts";
import type { StoredIncoming } from "./update-worker.ts";

export interface UpdateSink {
  kick(): void;
}

/** true when the update is new; false for a platform's repeated delivery. */
export async function acceptUpdate(deps: Deps, worker: UpdateSink, update: BotUpdate): Promise<boolean> {
  const stored: StoredIncoming = {
    incoming: update.incoming,
    ...(update.displayName ? { displayName: update.displayName.slice(0, 200) } : {}),
  };
  const fresh = await recordUpdate(deps, {
    platform: update.platform,
    bot: update.bot,
    updateId: update.updateId,
    chatId: update.chatId,
    incoming: stored as unknown as Record<string, unknown>,
  });
  if (fresh) worker.kick();
  return fresh;
}
