// A partner as the tests play it: registered by the demo's platform administrator, then signing each request exactly
// as docs/partners.md says (domain/partners/request-signature.ts), over app.inject.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { signedHeaders } from "../../src/domain/partners/request-signature.ts";
import type { Actor } from "../../src/services/actor.ts";
import type { Deps } from "../../src/services/deps.ts";
import { callUseCase, type InputOf } from "../../src/services/registry.ts";

export async function platformAdmin(deps: Deps): Promise<Actor> {
  const user = await deps.database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_PEOPLE.platformAdmin.email)
    .executeTakeFirstOrThrow();
  return { kind: "platform_admin", userId: user.id, locale: "uk" };
}

export interface TestPartner {
  code: string;
  keyId: string;
  secret: string;
  registrySource: string;
}

export async function registerTestPartner(
  deps: Deps,
  input: InputOf<"registerPartner">,
): Promise<TestPartner> {
  const admin = await platformAdmin(deps);
  const made = await callUseCase(
    deps,
    "registerPartner",
    { actor: admin, channel: "web", locale: "uk" },
    input,
  );
  return { code: made.code, keyId: made.keyId, secret: made.secret, registrySource: made.registrySource };
}

export interface SignedCall {
  method: "GET" | "POST";
  /** Path and query string, e.g. "/api/partners/v1/payments". */
  path: string;
  body?: unknown;
  /** A raw body sent as it is (malformed JSON, a CSV file). */
  rawBody?: string;
  contentType?: string;
  /** Unix seconds; now by default (Date.now(), or the app's clock when the test moved it: pass it). */
  timestamp?: number;
  /** Sign with this secret instead (a forgery). */
  secret?: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/** What was sent, so a test can send it again unchanged (a replay). */
export interface SentRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress?: string;
}

export function signedRequest(partner: { keyId: string; secret: string }, c: SignedCall): SentRequest {
  const payload = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  const timestamp = c.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = {
    ...signedHeaders(
      { keyId: partner.keyId, secret: c.secret ?? partner.secret },
      { method: c.method, path: c.path, timestamp, body: payload ?? "" },
    ),
    ...(payload === undefined ? {} : { "content-type": c.contentType ?? "application/json" }),
    "accept-language": "uk",
    ...c.headers,
  };
  return {
    method: c.method,
    url: c.path,
    headers,
    ...(payload === undefined ? {} : { payload }),
    ...(c.remoteAddress ? { remoteAddress: c.remoteAddress } : {}),
  };
}

export function send(app: FastifyInstance, request: SentRequest): Promise<LightMyRequestResponse> {
  return app.inject(request);
}

export function signedCall(
  app: FastifyInstance,
  partner: { keyId: string; secret: string },
  c: SignedCall,
): Promise<LightMyRequestResponse> {
  return send(app, signedRequest(partner, c));
}
