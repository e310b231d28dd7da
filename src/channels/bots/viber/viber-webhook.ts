// POST /webhooks/viber (the platform-wide bot, VIBER_AUTH_TOKEN) and /webhooks/viber/<key> (a provider's own bot,
// its auth token in chat_bots): X-Viber-Content-Signature must be the HMAC-SHA256 of the raw body under the
// bot's auth token (401 otherwise). The update is written down and the worker answers it; the one answer given
// in the webhook's own response is conversation_started's, which Viber shows as the welcome message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { VIBER_SENDER, viberKeyboard } from "../../../gateways/chat/viber-api.ts";
import { format } from "../../../i18n/messages.ts";
import { findChatBot } from "../../../services/conversations/chat-bots.ts";
import type { Deps } from "../../../services/deps.ts";
import { BOT } from "../../conversation/conversation-messages.ts";
import { acceptUpdate, type UpdateSink } from "../accept-update.ts";
import type { BotSettings } from "../bot-settings.ts";
import { jsonOf, rawBodies, signedWith } from "../signed-body.ts";
import { viberFileRoute } from "./viber-files.ts";
import { parseViberEvent, type ViberEvent } from "./viber-update.ts";

/**
 * The welcome, in Ukrainian (the person's language is not known yet), fixed so that it is answered at once; its
 * buttons come back as ordinary button presses, the first message a not-yet-subscriber may send.
 */
export function viberWelcome() {
  const keyboard = viberKeyboard([
    [{ label: format(BOT.btnMenu, "uk"), payload: "menu" }],
    [
      { label: "Українська", payload: "lang:uk" },
      { label: "Русский", payload: "lang:ru" },
    ],
  ]);
  return { sender: VIBER_SENDER, type: "text", text: format(BOT.welcome, "uk"), keyboard };
}

async function take(
  deps: Deps,
  worker: UpdateSink,
  bot: { key: string; authToken: string },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const raw = request.body as Buffer | undefined;
  const signature = request.headers["x-viber-content-signature"];
  if (
    !Buffer.isBuffer(raw) ||
    !signedWith(bot.authToken, raw, typeof signature === "string" ? signature : undefined)
  )
    return reply.code(401).send({ error: { code: "unauthorized" } });
  const event = jsonOf(raw) as ViberEvent | null;
  if (!event || typeof event !== "object")
    return reply.code(400).send({ error: { code: "validation_failed" } });
  const update = parseViberEvent(event, raw.toString("utf8"), bot.key);
  if (update) await acceptUpdate(deps, worker, update);
  // One who is not subscribed yet sees only this answer as the welcome; a subscriber gets the engine's greeting
  // from the worker, so the answer is empty rather than a second welcome.
  if (event.event === "conversation_started" && !update) return reply.send(viberWelcome());
  return reply.send({});
}

export async function viberWebhook(
  app: FastifyInstance,
  options: { deps: Deps; settings: BotSettings; worker: UpdateSink },
): Promise<void> {
  const { deps, settings, worker } = options;
  rawBodies(app);
  const route = { schema: { hide: true } };
  const viber = settings.viber;
  if (viber) {
    const bot = { key: "", authToken: viber.authToken };
    app.post("/webhooks/viber", route, (request, reply) => take(deps, worker, bot, request, reply));
  }
  app.post<{ Params: { key: string } }>("/webhooks/viber/:key", route, async (request, reply) => {
    const key = request.params.key;
    const found = await findChatBot(deps, "viber", key);
    if (!found) return reply.code(404).send({ error: { code: "not_found" } });
    return take(deps, worker, { key, authToken: found.token }, request, reply);
  });
  viberFileRoute(app, deps);
}
