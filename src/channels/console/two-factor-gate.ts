// Two-step sign-in is required of administrators and platform administrators (when the installation says so:
// config.ts, STAFF_TWO_FACTOR): one who has not set it up is sent to /console/security, the only console page
// open to them until they do (signing out and the language switch live outside /console).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../../services/deps.ts";
import { hasTwoFactor } from "../../services/two-factor/sign-in-challenge.ts";
import { twoFactorRequired } from "../../services/two-factor/two-factor-policy.ts";
import { seeOther } from "../web/web-request.ts";

export function requireTwoFactorSetUp(deps: Deps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const actor = request.actor;
    if (!actor || reply.sent || !twoFactorRequired(actor)) return undefined;
    const path = request.url.split("?")[0] ?? "";
    if (path === "/console/security" || path.startsWith("/console/security/")) return undefined;
    if (await hasTwoFactor(deps.database.db, actor.userId)) return undefined;
    return seeOther(reply, "/console/security");
  };
}
