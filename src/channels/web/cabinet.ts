// The resident's web cabinet: server-rendered pages over the same use cases as the API, in their own
// encapsulated plugin with what only pages need. The session is a cookie (web-session.ts); every form carries a
// CSRF token (@fastify/csrf-protection, its secret in a cookie); forms arrive url-encoded; errors are pages in
// the cabinet's frame. Everything works without JavaScript.
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import type { FastifyError, FastifyInstance } from "fastify";
import { format } from "../../i18n/messages.ts";
import { AppError } from "../../services/errors.ts";
import { consoleRoutes } from "../console/console.ts";
import { sendConsolePage } from "../console/console-request.ts";
import { asAppError } from "../http/plugins/errors.ts";
import { assetRoutes } from "./assets.ts";
import { html } from "./html.ts";
import { LAYOUT } from "./messages/layout.ts";
import { homeRoutes } from "./routes/home.ts";
import { identityPageRoutes } from "./routes/identity-pages.ts";
import { languageRoutes } from "./routes/language.ts";
import { moneyPageRoutes } from "./routes/money.ts";
import { newsAndCalculatorRoutes } from "./routes/news-and-calculator.ts";
import { signInRoutes } from "./routes/sign-in.ts";
import { type CabinetOptions, sendPage } from "./web-request.ts";
import { cabinetLocale, identifyFromCookie } from "./web-session.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A cabinet route that changes something: its form must carry the CSRF token. */
    form?: boolean;
  }
}

const CSRF_CODES = new Set(["FST_CSRF_INVALID_TOKEN", "FST_CSRF_MISSING_SECRET", "FST_CSRF_BAD_TOKEN"]);

export async function cabinetRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps, production } = opts;
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: production ? "__Host-abonent_csrf" : "abonent_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: production },
    getToken: (request) => (request.body as Record<string, string> | undefined)?.["_csrf"],
  });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 65_536 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  // Every page is a page (its errors too), and every form is checked for its token before anything runs.
  app.addHook("onRoute", (route) => {
    route.config = { ...(route.config as object), page: true } as typeof route.config;
  });
  app.addHook("preHandler", async (request, reply) => {
    if (request.url.startsWith("/assets/")) return;
    await identifyFromCookie(deps, request, production);
    request.locale = cabinetLocale(request);
    if (request.method === "POST") {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = request.locale;
    const known = CSRF_CODES.has(err.code) ? new AppError("form_expired") : asAppError(err);
    if (!known) request.log.error({ err }, "unhandled error");
    const error = known ?? new AppError("internal");
    const retry = error.details["retryAfterSeconds"];
    if (typeof retry === "number") reply.header("retry-after", String(retry));
    const title = { uk: "Помилка", ru: "Ошибка", en: "Error" }[locale];
    const inConsole =
      request.url.startsWith("/console") && request.actor && request.actor.kind !== "resident";
    const message = html`<h1>${title}</h1><div class="banner warning" role="alert"><p>${error.messageIn(locale)}</p></div>`;
    if (inConsole) return sendConsolePage(request, reply, { title, body: message }, error.status);
    return sendPage(
      request,
      reply,
      { title, body: html`${message}<p><a href="/">${format(LAYOUT.navHome, locale)}</a></p>` },
      error.status,
    );
  });

  await app.register(assetRoutes);
  await app.register(languageRoutes, opts);
  await app.register(signInRoutes, opts);
  await app.register(homeRoutes, opts);
  await app.register(newsAndCalculatorRoutes, opts);
  await app.register(moneyPageRoutes, opts);
  await app.register(identityPageRoutes, opts);
  await app.register(consoleRoutes, opts);
}
