// Who is calling: "Authorization: Bearer <token>" (a session from signIn, or a personal API token) resolved
// to an Actor. Not global: a route opts in with a preHandler, and only then is the token looked up.
//
//   app.get("/api/x", { preHandler: app.requireActor, schema: { security: [{ bearer: [] }], … } },
//     async (request) => doIt(deps, { actor: actorOf(request) }));
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Actor } from "../../../services/actor.ts";
import { type Credential, resolveCredential } from "../../../services/auth/resolve-token.ts";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import { preferStoredLocale } from "./locale.ts";

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth preHandlers; null on routes that did not ask, or for a guest. */
    actor: Actor | null;
    /** Which credential the actor came with. */
    credential: Credential | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unauthenticated unless the request carries a valid token; sets request.actor. */
    requireActor: Hook;
    /** preHandler: as requireActor, and 403 forbidden for personal API tokens (managing sessions and tokens). */
    requireSession: Hook;
    /** preHandler: sets request.actor when a valid token is present, never refuses (routes open to guests). */
    identifyActor: Hook;
  }
}

/** The token of an "Authorization: Bearer …" header, else null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** The actor of a route guarded by requireActor/requireSession (throws unauthenticated if it was not). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { deps: Deps }) => {
    app.decorateRequest("actor", null);
    app.decorateRequest("credential", null);

    const identify = async (request: FastifyRequest) => {
      const token = bearerToken(request);
      const resolved = token ? await resolveCredential(opts.deps, token) : null;
      request.actor = resolved?.actor ?? null;
      request.credential = resolved?.credential ?? null;
      // From here on, errors and answers speak the language the person chose (unless ?lang= says otherwise).
      if (request.actor) preferStoredLocale(request, request.actor.locale);
    };
    const refuse = (reply: FastifyReply): never => {
      reply.header("www-authenticate", 'Bearer realm="abonent"');
      throw new AppError("unauthenticated");
    };

    app.decorate("identifyActor", identify);
    app.decorate("requireActor", async (request: FastifyRequest, reply: FastifyReply) => {
      await identify(request);
      if (!request.actor) refuse(reply);
    });
    app.decorate("requireSession", async (request: FastifyRequest, reply: FastifyReply) => {
      await identify(request);
      if (!request.actor) refuse(reply);
      if (request.credential?.kind !== "session") throw new AppError("forbidden");
    });
  },
  { name: "auth" },
);
