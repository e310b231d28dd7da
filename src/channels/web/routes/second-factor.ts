// The second step of signing in, for a person with two-step sign-in on: the password (or a sign-in code) answered
// a challenge instead of a session; this page asks for the authenticator's code and then opens the session.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { SECOND_FACTOR } from "../messages/second-factor.ts";
import type { FieldError } from "../views/components.ts";
import { secondFactorBody } from "../views/second-factor-page.ts";
import { type CabinetOptions, formOf, localPath, seeOther, sendPage, webCall } from "../web-request.ts";
import { setSessionCookie } from "../web-session.ts";
import { refusal } from "./code-errors.ts";

export function sendSecondFactor(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { challenge: string; next?: string; errors?: FieldError[] },
  status = 200,
): FastifyReply {
  const errors = form.errors ?? [];
  return sendPage(
    request,
    reply,
    (ctx) => ({
      title: format(SECOND_FACTOR.title, ctx.locale),
      hasErrors: errors.length > 0,
      body: secondFactorBody(ctx, { ...form, errors }),
    }),
    status,
  );
}

export async function secondFactorRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;

  app.post("/sign-in/second-factor", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const challenge = form["challenge"] ?? "";
    const code = (form["code"] ?? "").trim();
    const next = localPath(form["next"], "");
    const step = { challenge, ...(next ? { next } : {}) };
    if (!challenge) return seeOther(reply, "/sign-in");
    if (!code) {
      const errors = [{ field: "code", message: format(SECOND_FACTOR.codeMissing, request.locale) }];
      return sendSecondFactor(request, reply, { ...step, errors }, 400);
    }
    try {
      const signedIn = await webCall(deps, request, "confirmSecondFactor", {
        challenge: challenge.slice(0, 200),
        code: code.slice(0, 40),
        clientKey: request.ip,
        ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
      });
      setSessionCookie(reply, production, signedIn.token, signedIn.expiresAt);
      return seeOther(reply, next || "/");
    } catch (e) {
      // The challenge ran out (or was used): the password step again, with the reason.
      if (e instanceof AppError && e.code === "sign_in_challenge_expired")
        return seeOther(
          reply,
          `/sign-in?done=second-factor-expired${next ? `&next=${encodeURIComponent(next)}` : ""}`,
        );
      const { errors, status } = refusal(request, reply, e, {}, "code");
      return sendSecondFactor(request, reply, { ...step, errors }, status);
    }
  });
}
