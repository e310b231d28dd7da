// Signing in with a one-time code: the address → a code to it (if a cabinet uses it: the page says so, as the use
// case answers alike for every address) → the code → signed in, where the visitor was heading.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { CODE_TTL_SECONDS } from "../../../services/identity/one-time-code.ts";
import { needsSecondFactor } from "../../../services/two-factor/sign-in-challenge.ts";
import { html } from "../html.ts";
import { IDENTITY } from "../messages/identity.ts";
import type { FieldError } from "../views/components.ts";
import { cleanCode, codeStepBody, isSixDigits, loginStepBody } from "../views/identity-pages.ts";
import {
  type CabinetOptions,
  formOf,
  localPath,
  pageContext,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { setSessionCookie } from "../web-session.ts";
import { missing, refusal } from "./code-errors.ts";
import { sendSecondFactor } from "./second-factor.ts";

type Key = keyof typeof IDENTITY;

function sendLoginStep(
  request: FastifyRequest,
  reply: FastifyReply,
  o: { login?: string; next?: string; errors: FieldError[] },
  status = 200,
) {
  const t = (key: Key) => format(IDENTITY[key], request.locale);
  return sendPage(
    request,
    reply,
    {
      title: t("codeSignInTitle"),
      hasErrors: o.errors.length > 0,
      body: loginStepBody(pageContext(request, reply), {
        title: t("codeSignInTitle"),
        intro: t("codeSignInIntro"),
        action: "/sign-in/code",
        submit: t("sendCode"),
        ...o,
        links: html`<p><a href="/sign-in">${t("byPassword")}</a></p>`,
      }),
    },
    status,
  );
}

function sendCodeStep(
  request: FastifyRequest,
  reply: FastifyReply,
  o: { login: string; next?: string; delivery: "email" | "sms"; errors: FieldError[]; again?: boolean },
  status = 200,
) {
  const t = (key: Key) => format(IDENTITY[key], request.locale);
  return sendPage(
    request,
    reply,
    {
      title: t("codeTitle"),
      hasErrors: o.errors.length > 0,
      body: codeStepBody(pageContext(request, reply), {
        title: t("codeTitle"),
        action: "/sign-in/code/confirm",
        login: o.login,
        delivery: o.delivery,
        sent: "if-known",
        expiresInSeconds: CODE_TTL_SECONDS,
        errors: o.errors,
        ...(o.again ? { newCodeSent: true } : {}),
        ...(o.next ? { next: o.next } : {}),
        submit: t("signIn"),
        resend: { action: "/sign-in/code", fields: { login: o.login, again: "1" }, label: t("sendNewCode") },
      }),
    },
    status,
  );
}

export async function signInCodeRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;

  app.get("/sign-in/code", { schema: { hide: true } }, async (request, reply) => {
    if (request.actor) return seeOther(reply, "/");
    const next = localPath((request.query as Record<string, unknown>)["next"], "");
    return sendLoginStep(request, reply, { errors: [], ...(next ? { next } : {}) });
  });

  app.post("/sign-in/code", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    const next = localPath(form["next"], "");
    const base = { login, ...(next ? { next } : {}) };
    if (!login)
      return sendLoginStep(
        request,
        reply,
        { ...base, errors: [missing("login", format(IDENTITY.loginMissing, request.locale))] },
        400,
      );
    try {
      const sent = await webCall(deps, request, "requestSignInCode", { login });
      return sendCodeStep(request, reply, {
        ...base,
        delivery: sent.delivery,
        errors: [],
        again: form["again"] === "1",
      });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { login: "login" }, "login");
      return sendLoginStep(request, reply, { ...base, errors }, status);
    }
  });

  app.post("/sign-in/code/confirm", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    const next = localPath(form["next"], "");
    if (!login) return seeOther(reply, "/sign-in/code");
    const step = {
      login,
      ...(next ? { next } : {}),
      delivery: login.includes("@") ? ("email" as const) : ("sms" as const),
    };
    const code = cleanCode(form["code"]);
    if (!isSixDigits(code)) {
      const errors = [missing("code", format(IDENTITY.codeMissing, request.locale))];
      return sendCodeStep(request, reply, { ...step, errors }, 400);
    }
    try {
      const signedIn = await webCall(deps, request, "confirmSignInCode", { login, code });
      // Two-step sign-in on: a code to one's inbox is not the second factor; the authenticator's code follows.
      if (needsSecondFactor(signedIn))
        return sendSecondFactor(request, reply, { challenge: signedIn.challenge, ...(next ? { next } : {}) });
      setSessionCookie(reply, production, signedIn.token, signedIn.expiresAt);
      return seeOther(reply, next || "/");
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, {}, "code");
      return sendCodeStep(request, reply, { ...step, errors }, status);
    }
  });
}
