// GET|POST /webhooks/messenger (the page from MESSENGER_*) and /webhooks/messenger/<key> (a provider's own page,
// its tokens in chat_bots). GET answers Messenger's subscription check: hub.challenge back when hub.verify_token
// is ours, 403 otherwise. POST must carry X-Hub-Signature-256 = sha256=<HMAC-SHA256 of the raw body under the
// app secret> (401 otherwise); its events are written down for the worker and answered 200 at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findChatBot } from "../../../services/conversations/chat-bots.ts";
import type { Deps } from "../../../services/deps.ts";
import { acceptUpdate, type UpdateSink } from "../accept-update.ts";
import type { BotSettings } from "../bot-settings.ts";
import { jsonOf, rawBodies, signedWith } from "../signed-body.ts";
import { type MessengerBody, parseMessengerBody } from "./messenger-update.ts";

interface Page {
  key: string;
  appSecret: string;
  verifyToken: string;
}

type VerifyQuery = { "hub.mode"?: string; "hub.verify_token"?: string; "hub.challenge"?: string };

function verify(page: Page, query: VerifyQuery, reply: FastifyReply) {
  const given = query["hub.verify_token"];
  if (query["hub.mode"] !== "subscribe" || !page.verifyToken || given !== page.verifyToken)
    return reply.code(403).send({ error: { code: "forbidden" } });
  return reply.type("text/plain").send(query["hub.challenge"] ?? "");
}

async function take(
  deps: Deps,
  worker: UpdateSink,
  page: Page,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const raw = request.body;
  const header = request.headers["x-hub-signature-256"];
  const signature = typeof header === "string" && header.startsWith("sha256=") ? header.slice(7) : undefined;
  if (!Buffer.isBuffer(raw) || !signedWith(page.appSecret, raw, signature))
    return reply.code(401).send({ error: { code: "unauthorized" } });
  const body = jsonOf(raw) as MessengerBody | null;
  if (!body || typeof body !== "object")
    return reply.code(400).send({ error: { code: "validation_failed" } });
  for (const update of parseMessengerBody(body, page.key)) await acceptUpdate(deps, worker, update);
  return reply.type("text/plain").send("EVENT_RECEIVED");
}

async function providerPage(deps: Deps, key: string): Promise<Page | undefined> {
  const bot = await findChatBot(deps, "messenger", key);
  if (!bot?.secret) return undefined;
  return { key, appSecret: bot.secret, verifyToken: bot.verify_token ?? "" };
}

export async function messengerWebhook(
  app: FastifyInstance,
  options: { deps: Deps; settings: BotSettings; worker: UpdateSink },
): Promise<void> {
  const { deps, settings, worker } = options;
  rawBodies(app);
  const route = { schema: { hide: true } };
  const messenger = settings.messenger;
  if (messenger) {
    const page = { key: "", appSecret: messenger.appSecret, verifyToken: messenger.verifyToken };
    app.get<{ Querystring: VerifyQuery }>("/webhooks/messenger", route, (request, reply) =>
      verify(page, request.query, reply),
    );
    app.post("/webhooks/messenger", route, (request, reply) => take(deps, worker, page, request, reply));
  }
  type Keyed = { Params: { key: string }; Querystring: VerifyQuery };
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: { code: "not_found" } });
  app.get<Keyed>("/webhooks/messenger/:key", route, async (request, reply) => {
    const page = await providerPage(deps, request.params.key);
    return page ? verify(page, request.query, reply) : notFound(reply);
  });
  app.post<Keyed>("/webhooks/messenger/:key", route, async (request, reply) => {
    const page = await providerPage(deps, request.params.key);
    return page ? take(deps, worker, page, request, reply) : notFound(reply);
  });
}
