// Settings, for a signed-in resident: the overview, and a page per task — the language, adding an e-mail or phone
// (with a code), where reminders go, creating an API token (shown once, in the answer to the form: never in a URL
// or a cookie), revoking one, and signing out on every device.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isLocale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { CODE_TTL_SECONDS } from "../../../services/identity/one-time-code.ts";
import { IDENTITY } from "../messages/identity.ts";
import { SETTINGS } from "../messages/settings.ts";
import type { FieldError } from "../views/components.ts";
import { cleanCode, codeStepBody, isSixDigits, loginField } from "../views/identity-pages.ts";
import {
  addIdentityBody,
  languageBody,
  newTokenBody,
  remindersBody,
  settingsBody,
  tokenShownBody,
} from "../views/settings-page.ts";
import {
  type CabinetOptions,
  formOf,
  pageContext,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { clearSessionCookie, rememberLanguage } from "../web-session.ts";
import { missing, refusal } from "./code-errors.ts";

type Key = keyof typeof SETTINGS;
const DONE: Record<string, Key> = {
  language: "languageSaved",
  reminders: "remindersSaved",
  "identity-added": "identityAdded",
  "token-revoked": "tokenRevoked",
};
const signedIn = { schema: { hide: true }, preHandler: requireSignedIn } as const;

export async function settingsRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;
  const t = (request: FastifyRequest, key: Key) => format(SETTINGS[key], request.locale);
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: ReturnType<typeof settingsBody>,
    errors = 0,
    status = 200,
  ) => sendPage(request, reply, { title, section: "settings", hasErrors: errors > 0, body }, status);

  app.get("/settings", signedIn, async (request, reply) => {
    const [settings, { identities }, { tokens }] = await Promise.all([
      webCall(deps, request, "getMySettings", {}),
      webCall(deps, request, "listMyIdentities", {}),
      webCall(deps, request, "listApiTokens", {}),
    ]);
    const done = DONE[String((request.query as Record<string, unknown>)["done"] ?? "")];
    const body = settingsBody(pageContext(request, reply), {
      locale: settings.locale,
      identities,
      reminderChannel: settings.reminderChannel,
      tokens,
      ...(done ? { notice: t(request, done) } : {}),
    });
    return page(request, reply, t(request, "title"), body);
  });

  // Language.
  app.get("/settings/language", signedIn, async (request, reply) =>
    page(request, reply, t(request, "language"), languageBody(pageContext(request, reply), request.locale)),
  );
  app.post("/settings/language", signedIn, async (request, reply) => {
    const locale = formOf(request)["locale"];
    if (!isLocale(locale)) return seeOther(reply, "/settings/language");
    await webCall(deps, request, "setMyLanguage", { locale });
    rememberLanguage(reply, production, locale);
    return seeOther(reply, "/settings?done=language");
  });

  // Where reminders go.
  const sendReminders = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    status = 200,
  ) => {
    const [settings, { identities }] = await Promise.all([
      webCall(deps, request, "getMySettings", {}),
      webCall(deps, request, "listMyIdentities", {}),
    ]);
    const email = identities.find((i) => i.kind === "email")?.address;
    const phone = identities.find((i) => i.kind === "phone")?.address;
    const body = remindersBody(pageContext(request, reply), {
      current: settings.reminderChannel,
      choices: settings.reminderChoices,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      errors,
    });
    return page(request, reply, t(request, "reminders"), body, errors.length, status);
  };
  app.get("/settings/reminders", signedIn, async (request, reply) => sendReminders(request, reply, []));
  app.post("/settings/reminders", signedIn, async (request, reply) => {
    const channel = formOf(request)["channel"];
    if (channel !== "email" && channel !== "sms" && channel !== "none")
      return sendReminders(
        request,
        reply,
        [missing("channel", format(SETTINGS.chooseOne, request.locale))],
        400,
      );
    try {
      await webCall(deps, request, "setReminderChannel", { channel });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { channel: "channel" }, "channel");
      return sendReminders(request, reply, errors, status);
    }
    return seeOther(reply, "/settings?done=reminders");
  });

  // Adding an e-mail or phone: the address, then the code sent there.
  const sendAdd = (
    request: FastifyRequest,
    reply: FastifyReply,
    login: string,
    errors: FieldError[],
    status = 200,
  ) => {
    const ctx = pageContext(request, reply);
    const body = addIdentityBody(ctx, {
      errors,
      loginField: loginField(ctx, login, errors),
      submit: format(IDENTITY.sendCode, request.locale),
    });
    return page(request, reply, t(request, "addIdentity"), body, errors.length, status);
  };
  const sendIdentityCode = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { login: string; errors: FieldError[]; again?: boolean },
    status = 200,
  ) => {
    const w = (key: keyof typeof IDENTITY) => format(IDENTITY[key], request.locale);
    const body = codeStepBody(pageContext(request, reply), {
      title: w("codeTitle"),
      action: "/settings/identities/confirm",
      login: o.login,
      delivery: o.login.includes("@") ? "email" : "sms",
      sent: "surely",
      note: t(request, "identityCodeSentNote"),
      expiresInSeconds: CODE_TTL_SECONDS,
      errors: o.errors,
      ...(o.again ? { newCodeSent: true } : {}),
      submit: w("confirm"),
      resend: {
        action: "/settings/identities/add",
        fields: { login: o.login, again: "1" },
        label: w("sendNewCode"),
      },
    });
    return page(request, reply, w("codeTitle"), body, o.errors.length, status);
  };
  app.get("/settings/identities/add", signedIn, async (request, reply) => sendAdd(request, reply, "", []));
  app.post("/settings/identities/add", signedIn, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    if (!login)
      return sendAdd(
        request,
        reply,
        login,
        [missing("login", format(IDENTITY.loginMissing, request.locale))],
        400,
      );
    try {
      await webCall(deps, request, "requestIdentityCode", { login });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { login: "login" }, "login");
      return sendAdd(request, reply, login, errors, status);
    }
    return sendIdentityCode(request, reply, { login, errors: [], again: form["again"] === "1" });
  });
  app.post("/settings/identities/confirm", signedIn, async (request, reply) => {
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    if (!login) return seeOther(reply, "/settings/identities/add");
    const code = cleanCode(form["code"]);
    if (!isSixDigits(code))
      return sendIdentityCode(
        request,
        reply,
        { login, errors: [missing("code", format(IDENTITY.codeMissing, request.locale))] },
        400,
      );
    try {
      await webCall(deps, request, "confirmIdentity", { login, code });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, {}, "code");
      return sendIdentityCode(request, reply, { login, errors }, status);
    }
    return seeOther(reply, "/settings?done=identity-added");
  });

  // API tokens.
  const sendNewToken = (
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    errors: FieldError[],
    status = 200,
  ) =>
    page(
      request,
      reply,
      t(request, "newTokenTitle"),
      newTokenBody(pageContext(request, reply), { name, errors }),
      errors.length,
      status,
    );
  app.get("/settings/tokens/new", signedIn, async (request, reply) => sendNewToken(request, reply, "", []));
  app.post("/settings/tokens", signedIn, async (request, reply) => {
    const name = (formOf(request)["name"] ?? "").trim();
    if (!name)
      return sendNewToken(request, reply, name, [missing("name", t(request, "newTokenNameMissing"))], 400);
    let created: { name: string; token: string };
    try {
      created = await webCall(deps, request, "createApiToken", { name });
    } catch (e) {
      const { errors, status } = refusal(request, reply, e, { name: "name" }, "name");
      return sendNewToken(request, reply, name, errors, status);
    }
    // Shown in this answer only: not kept by any cache, not in the history's URL.
    reply.header("cache-control", "no-store");
    return page(
      request,
      reply,
      t(request, "tokenShownTitle"),
      tokenShownBody(pageContext(request, reply), created),
      0,
      201,
    );
  });
  app.post<{ Params: { id: string } }>("/settings/tokens/:id/revoke", signedIn, async (request, reply) => {
    const tokenId = Number(request.params.id);
    if (!Number.isSafeInteger(tokenId) || tokenId < 1) throw new AppError("not_found");
    await webCall(deps, request, "revokeApiToken", { tokenId });
    return seeOther(reply, "/settings?done=token-revoked");
  });

  // Signing out on every device, this one included.
  app.post("/settings/sign-out-everywhere", signedIn, async (request, reply) => {
    await webCall(deps, request, "signOutEverywhere", {});
    clearSessionCookie(reply, production);
    return seeOther(reply, "/sign-in?done=signed-out-everywhere");
  });
}
