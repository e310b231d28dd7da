// Resetting a forgotten password: the address → a code to it (if a cabinet uses it) → the code and a new
// password → the sign-in form, with a banner. Every session ends and every API token is revoked (the use case),
// so this browser's session cookie, if it had one, is dropped too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { CODE_TTL_SECONDS } from "../../../services/identity/one-time-code.ts";
import { html } from "../html.ts";
import { IDENTITY } from "../messages/identity.ts";
import type { FieldError } from "../views/components.ts";
import {
  cleanCode,
  codeStepBody,
  isSixDigits,
  loginStepBody,
  newPasswordField,
} from "../views/identity-pages.ts";
import { type CabinetOptions, formOf, pageContext, seeOther, sendPage, webCall } from "../web-request.ts";
import { clearSessionCookie } from "../web-session.ts";
import { missing, refusal } from "./code-errors.ts";

type Key = keyof typeof IDENTITY;

function sendLoginStep(
  request: FastifyRequest,
  reply: FastifyReply,
  o: { login?: string; errors: FieldError[] },
  status = 200,
) {
  const t = (key: Key) => format(IDENTITY[key], request.locale);
  return sendPage(
    request,
    reply,
    {
      title: t("resetTitle"),
      hasErrors: o.errors.length > 0,
      body: loginStepBody(pageContext(request, reply), {
        title: t("resetTitle"),
        intro: t("resetIntro"),
        action: "/password-reset",
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
  o: { login: string; delivery: "email" | "sms"; errors: FieldError[]; again?: boolean },
  status = 200,
) {
  const t = (key: Key) => format(IDENTITY[key], request.locale);
  const ctx = pageContext(request, reply);
  return sendPage(
    request,
    reply,
    {
      title: t("resetCodeTitle"),
      hasErrors: o.errors.length > 0,
      body: codeStepBody(ctx, {
        title: t("resetCodeTitle"),
        action: "/password-reset/confirm",
        login: o.login,
        delivery: o.delivery,
        sent: "if-known",
        expiresInSeconds: CODE_TTL_SECONDS,
        errors: o.errors,
        ...(o.again ? { newCodeSent: true } : {}),
        extra: newPasswordField(ctx, o.errors),
        extraNote: t("resetWarning"),
        submit: t("setPassword"),
        resend: {
          action: "/password-reset",
          fields: { login: o.login, again: "1" },
          label: t("sendNewCode"),
        },
      }),
    },
    status,
  );
}

export async function passwordResetRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;

  app.get("/password-reset", { schema: { hide: true } }, async (request, reply) =>
    sendLoginStep(request, reply, { errors: [] }),
  );

  app.post("/password-reset", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    if (!login)
      return sendLoginStep(
        request,
        reply,
        { login, errors: [missing("login", format(IDENTITY.loginMissing, request.locale))] },
        400,
      );
    try {
      const sent = await webCall(deps, request, "requestPasswordReset", { login });
      return sendCodeStep(request, reply, {
        login,
        delivery: sent.delivery,
        errors: [],
        again: form["again"] === "1",
      });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { login: "login" }, "login");
      return sendLoginStep(request, reply, { login, errors }, status);
    }
  });

  app.post("/password-reset/confirm", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    if (!login) return seeOther(reply, "/password-reset");
    const step = { login, delivery: login.includes("@") ? ("email" as const) : ("sms" as const) };
    const code = cleanCode(form["code"]);
    const password = form["password"] ?? "";
    const t = (key: Key) => format(IDENTITY[key], request.locale);
    const errors: FieldError[] = [];
    if (!isSixDigits(code)) errors.push(missing("code", t("codeMissing")));
    if (!password) errors.push(missing("password", t("newPasswordMissing")));
    if (errors.length) return sendCodeStep(request, reply, { ...step, errors }, 400);
    try {
      await webCall(deps, request, "confirmPasswordReset", { login, code, password });
      clearSessionCookie(reply, production);
      return seeOther(reply, "/sign-in?done=password-reset");
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { password: "password" }, "code");
      return sendCodeStep(request, reply, { ...step, errors }, status);
    }
  });
}
