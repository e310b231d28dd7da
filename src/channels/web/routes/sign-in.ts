// Signing in with a password and signing out. The form itself is drawn at "/" for a visitor (routes/home.ts)
// and at /sign-in; a successful sign-in sets the session cookie and goes where the visitor was heading.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format, type Message } from "../../../i18n/messages.ts";
import { needsSecondFactor } from "../../../services/two-factor/sign-in-challenge.ts";
import { TWO_STEP_NOTICES } from "../messages/second-factor.ts";
import { SIGN_IN } from "../messages/sign-in.ts";
import type { FieldError } from "../views/components.ts";
import { signInBody, signInTitle } from "../views/sign-in-page.ts";
import {
  type CabinetOptions,
  fieldErrorsOf,
  formOf,
  localPath,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { clearSessionCookie, sessionToken, setSessionCookie } from "../web-session.ts";
import { secondFactorRoutes, sendSecondFactor } from "./second-factor.ts";

/** The sign-in form as a whole page (at "/" and /sign-in). */
export function sendSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  form: { login?: string; next?: string; errors?: FieldError[]; notice?: string } = {},
  status = 200,
): FastifyReply {
  const errors = form.errors ?? [];
  return sendPage(
    request,
    reply,
    (ctx) => ({
      title: signInTitle(ctx.locale),
      hasErrors: errors.length > 0,
      body: signInBody(ctx, { ...form, errors }),
    }),
    status,
  );
}

/** The banner after what sent the visitor here: signing out, a new password. */
const DONE_NOTICES: Record<string, Message> = {
  "signed-out": SIGN_IN.signedOut,
  "password-reset": SIGN_IN.passwordReset,
  "signed-out-everywhere": SIGN_IN.signedOutEverywhere,
  "second-factor-expired": TWO_STEP_NOTICES.secondFactorExpired,
  "invitation-accepted": TWO_STEP_NOTICES.invitationAccepted,
};

export async function signInRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;
  await app.register(secondFactorRoutes, opts);

  app.get("/sign-in", { schema: { hide: true } }, async (request, reply) => {
    if (request.actor) return seeOther(reply, "/");
    const query = request.query as Record<string, string | undefined>;
    const done = DONE_NOTICES[query["done"] ?? ""];
    const notice = done ? format(done, request.locale) : undefined;
    return sendSignIn(request, reply, { next: localPath(query["next"], ""), ...(notice ? { notice } : {}) });
  });

  app.post("/sign-in", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    const password = form["password"] ?? "";
    const next = localPath(form["next"]);
    const errors: FieldError[] = [];
    if (!login) errors.push({ field: "login", message: format(SIGN_IN.loginMissing, request.locale) });
    if (!password)
      errors.push({ field: "password", message: format(SIGN_IN.passwordMissing, request.locale) });
    if (errors.length) return sendSignIn(request, reply, { login, next, errors }, 400);
    try {
      const signedIn = await webCall(deps, request, "signIn", {
        login,
        password,
        clientKey: request.ip,
        ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
      });
      // Two-step sign-in on: no session yet, the code's page instead (routes/second-factor.ts).
      if (needsSecondFactor(signedIn))
        return sendSecondFactor(request, reply, { challenge: signedIn.challenge, ...(next ? { next } : {}) });
      setSessionCookie(reply, production, signedIn.token, signedIn.expiresAt);
      return seeOther(reply, next);
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e, request.locale, {}, "login");
      const status = (e as { status?: number }).status ?? 400;
      return sendSignIn(request, reply, { login, next, errors: fieldErrors }, status);
    }
  });

  app.post("/sign-out", { schema: { hide: true } }, async (request, reply) => {
    const token = sessionToken(request, production);
    if (request.actor && token) await webCall(deps, request, "signOut", { token });
    clearSessionCookie(reply, production);
    return seeOther(reply, "/sign-in?done=signed-out");
  });
}
