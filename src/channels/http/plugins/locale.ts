// The caller's language: ?lang=, then the Accept-Language header, else Ukrainian.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { isLocale, type Locale, localeFromHeader } from "../../../i18n/locale.ts";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
  }
}

export const localePlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("locale", "uk");
  app.addHook("onRequest", async (request) => {
    const q = (request.query as Record<string, unknown> | undefined)?.["lang"];
    request.locale = isLocale(q) ? q : localeFromHeader(request.headers["accept-language"]);
  });
});
