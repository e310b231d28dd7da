// POST /webhooks/sms: texts to the short number from an SMS aggregator that delivers them over HTTP instead of
// SMPP (docs/sms.md). The body is JSON { from, to, text, id }, signed with the shared secret SMS_WEBHOOK_SECRET:
// X-Signature: sha256=<hex HMAC-SHA256 of the raw body>. Unset secret: the route is not there (404); a wrong
// signature: 401. Each id is processed once: a repeated delivery is answered with the first reply and sends
// nothing again. The answer is { reply }, and the reply also leaves by SMS through the outbox.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeUkrainianPhone } from "../../domain/phone.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { invalidInput } from "../../services/input-problem.ts";
import { callUseCase } from "../../services/registry.ts";
import { controlCharacterAt } from "../http/plugins/input-guard.ts";
import { handleInboundSms } from "./handle-inbound-sms.ts";
import { gatewayContext } from "./sms-context.ts";

const SOURCE = "webhook";
const BODY_LIMIT = 16_384;

interface WebhookSms {
  from: string;
  to: string;
  text: string;
  id: string;
}

export function signatureMatches(secret: string, body: Buffer, header: string | undefined): boolean {
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? "");
  if (!m) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(m[1]!, "hex"));
}

function readSms(body: Buffer): WebhookSms {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("request_malformed");
  }
  const o = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
  // As on every other route (plugins/input-guard.ts): no NUL or other controls reach the database.
  const control = controlCharacterAt(o);
  if (control !== null)
    throw invalidInput({ field: control || "body", in: "body", rule: "control_characters" });
  for (const field of ["from", "to", "text"] as const) {
    const v = o[field];
    if (typeof v !== "string" || v.length > (field === "text" ? 2000 : 40) || (field !== "text" && v === ""))
      throw invalidInput({ field, in: "body", rule: "type" });
  }
  const id = o["id"];
  if (!((typeof id === "string" && id.length >= 1 && id.length <= 200) || Number.isSafeInteger(id)))
    throw invalidInput({ field: "id", in: "body", rule: "type" });
  return { from: o["from"] as string, to: o["to"] as string, text: o["text"] as string, id: String(id) };
}

export async function smsWebhookRoutes(
  app: FastifyInstance,
  opts: { deps: Deps; secret: string | undefined },
) {
  const { deps, secret } = opts;
  // The signature is over the bytes as sent: this plugin keeps them, and reads the JSON itself once they match.
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.post("/webhooks/sms", { schema: { hide: true } }, async (request: FastifyRequest) => {
    if (!secret) throw new AppError("not_found");
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers["x-signature"];
    if (!signatureMatches(secret, raw, Array.isArray(signature) ? signature[0] : signature))
      throw new AppError("sms_signature_invalid");
    const sms = readSms(raw);
    const gateway = gatewayContext("uk");
    const inbound = { source: SOURCE, messageId: sms.id };
    const claim = await callUseCase(deps, "claimInboundSms", gateway, { ...inbound, from: sms.from });
    if (!claim.first) return { reply: claim.reply, repeated: true };
    try {
      const reply = await handleInboundSms(deps, sms);
      if (!reply) return { reply: null };
      await callUseCase(deps, "queueSmsReply", gatewayContext(reply.locale), {
        // "+380…" when it is a Ukrainian phone, so the SMPP link sends it as an international number.
        to: normalizeUkrainianPhone(sms.from) ?? sms.from,
        text: reply.text,
        locale: reply.locale,
        inbound,
      });
      return { reply: reply.text };
    } catch (e) {
      // Not processed: the aggregator's retry must be, not be taken for a repeat.
      await callUseCase(deps, "releaseInboundSms", gateway, inbound);
      throw e;
    }
  });
}
