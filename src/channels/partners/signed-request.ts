// The partners' door: every request under /api/partners/v1 is signed (domain/partners/request-signature.ts). The
// body is kept as its bytes, because the signature covers them; the signature is checked before the body means
// anything, so a forged or replayed request learns nothing (not even that its JSON was malformed) and writes nothing.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import {
  type AuthenticatedPartner,
  authenticatePartner,
} from "../../services/partners/authenticate-partner.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The partner who signed this request (the partners' routes only). */
    partner: AuthenticatedPartner | null;
    /** The body's bytes as sent, which the signature covers. */
    rawBody: string;
  }
}

/** A body that is not JSON, kept for the signature check, refused after it. */
const MALFORMED = Symbol("malformed");

export function signedRequests(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("partner", null);
  app.decorateRequest("rawBody", "");
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ["application/json", "text/csv", "text/plain", "application/xml", "text/xml"],
    { parseAs: "string", bodyLimit: 8 * 1024 * 1024 },
    (request, body, done) => {
      const text = String(body);
      request.rawBody = text;
      if (!/json/.test(request.headers["content-type"] ?? "")) return done(null, text);
      try {
        done(null, text === "" ? {} : JSON.parse(text));
      } catch {
        done(null, MALFORMED);
      }
    },
  );
  app.addHook("preValidation", async (request) => {
    request.partner = await authenticatePartner(deps, {
      method: request.method,
      path: request.url,
      headers: request.headers,
      body: request.rawBody,
      ip: request.ip,
      locale: request.locale,
    });
    if (request.body === MALFORMED) throw new AppError("request_malformed");
  });
  // Every answer is logged with the partner who asked (and the refused ones with the key they named).
  app.addHook("onSend", async (request, reply, payload) => {
    const text = typeof payload === "string" ? payload : "";
    request.log.info(
      {
        partnerId: request.partner?.partner.id ?? null,
        keyId: request.partner?.keyId ?? request.headers["x-key-id"] ?? null,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        request: request.rawBody.slice(0, 2000),
        answer: text.slice(0, 2000),
      },
      "partner request",
    );
    return payload;
  });
}

/** The signed partner of a request that passed the preValidation hook. */
export function partnerContext(request: FastifyRequest, channel: "api" | "bank") {
  const partner = request.partner;
  if (!partner) throw new AppError("unauthenticated");
  return { actor: partner.actor, channel, locale: request.locale, client: request.ip };
}
