// Signing up: name, address and a new password → a code to the address → the code → signed in, at home.
// The second step is the answer to the first form (the address rides along in a hidden field, never in a URL);
// "send a new code" goes back to the first form filled in, as a new code needs the password again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { CODE_TTL_SECONDS } from "../../../services/identity/one-time-code.ts";
import { IDENTITY } from "../messages/identity.ts";
import type { FieldError } from "../views/components.ts";
import {
  cleanCode,
  codeStepBody,
  isSixDigits,
  type SignUpForm,
  signUpBody,
} from "../views/identity-pages.ts";
import { type CabinetOptions, formOf, pageContext, seeOther, sendPage, webCall } from "../web-request.ts";
import { setSessionCookie } from "../web-session.ts";
import { missing, refusal } from "./code-errors.ts";

function sendSignUp(request: FastifyRequest, reply: FastifyReply, form: SignUpForm, status = 200) {
  return sendPage(
    request,
    reply,
    {
      title: format(IDENTITY.signUpTitle, request.locale),
      hasErrors: form.errors.length > 0,
      body: signUpBody(pageContext(request, reply), form),
    },
    status,
  );
}

function sendCodeStep(
  request: FastifyRequest,
  reply: FastifyReply,
  o: {
    login: string;
    fullName: string;
    delivery: "email" | "sms";
    expiresInSeconds: number;
    errors: FieldError[];
  },
  status = 200,
) {
  const t = (key: keyof typeof IDENTITY) => format(IDENTITY[key], request.locale);
  return sendPage(
    request,
    reply,
    {
      title: t("codeTitle"),
      hasErrors: o.errors.length > 0,
      body: codeStepBody(pageContext(request, reply), {
        title: t("codeTitle"),
        action: "/sign-up/confirm",
        login: o.login,
        delivery: o.delivery,
        sent: "surely",
        note: t("codeTakenNote"),
        expiresInSeconds: o.expiresInSeconds,
        errors: o.errors,
        submit: t("confirm"),
        carry: { fullName: o.fullName },
        resend: {
          action: "/sign-up/again",
          fields: { login: o.login, fullName: o.fullName },
          label: t("signUpAgain"),
        },
      }),
    },
    status,
  );
}

const deliveryOf = (login: string): "email" | "sms" => (login.includes("@") ? "email" : "sms");

export async function signUpRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;

  app.get("/sign-up", { schema: { hide: true } }, async (request, reply) => {
    if (request.actor) return seeOther(reply, "/");
    return sendSignUp(request, reply, { errors: [] });
  });

  app.post("/sign-up", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const fullName = (form["fullName"] ?? "").trim();
    const login = (form["login"] ?? "").trim();
    const password = form["password"] ?? "";
    const t = (key: keyof typeof IDENTITY) => format(IDENTITY[key], request.locale);
    const errors: FieldError[] = [];
    if (!fullName) errors.push(missing("fullName", t("fullNameMissing")));
    if (!login) errors.push(missing("login", t("loginMissing")));
    if (!password) errors.push(missing("password", t("newPasswordMissing")));
    if (errors.length) return sendSignUp(request, reply, { fullName, login, errors }, 400);
    try {
      const sent = await webCall(deps, request, "startSignUp", { login, password, fullName });
      return sendCodeStep(request, reply, { login, fullName, ...sent, errors: [] });
    } catch (e) {
      const { errors, status } = refusal(
        request,
        reply,
        e,
        { login: "login", password: "password", fullName: "fullName" },
        "login",
      );
      return sendSignUp(request, reply, { fullName, login, errors }, status);
    }
  });

  // "Send a new code or change the address": the first form again, filled in but for the password.
  app.post("/sign-up/again", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    return sendSignUp(request, reply, {
      fullName: form["fullName"] ?? "",
      login: form["login"] ?? "",
      errors: [],
      notice: format(IDENTITY.signUpAgainNote, request.locale),
    });
  });

  app.post("/sign-up/confirm", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    const code = cleanCode(form["code"]);
    const fullName = form["fullName"] ?? "";
    const step = { login, fullName, delivery: deliveryOf(login), expiresInSeconds: CODE_TTL_SECONDS };
    if (!login) return seeOther(reply, "/sign-up");
    if (!isSixDigits(code)) {
      const errors = [missing("code", format(IDENTITY.codeMissing, request.locale))];
      return sendCodeStep(request, reply, { ...step, errors }, 400);
    }
    try {
      const signedIn = await webCall(deps, request, "confirmSignUp", { login, code });
      setSessionCookie(reply, production, signedIn.token, signedIn.expiresAt);
      return seeOther(reply, "/");
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, {}, "code");
      return sendCodeStep(request, reply, { ...step, errors }, status);
    }
  });
}
