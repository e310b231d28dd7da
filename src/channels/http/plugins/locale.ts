// The caller's language: ?lang=, then (for a signed-in person) the language they chose and we stored, then the
// Accept-Language header, else Ukrainian. The stored choice is applied by the auth plugin, once it knows who
// is asking (preferStoredLocale).
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { isLocale, type Locale, localeFromHeader } from "../../../i18n/locale.ts";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
  }
}

/** The language the request named with ?lang=, if it is one we speak. */
function namedLocale(request: FastifyRequest): Locale | null {
  const q = (request.query as Record<string, unknown> | undefined)?.["lang"];
  return isLocale(q) ? q : null;
}

/** A signed-in person's stored language wins over their browser's header, but not over an explicit ?lang=. */
export function preferStoredLocale(request: FastifyRequest, stored: Locale): void {
  if (namedLocale(request) === null) request.locale = stored;
}

export const localePlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("locale", "uk");
  app.addHook("onRequest", async (request) => {
    request.locale = namedLocale(request) ?? localeFromHeader(request.headers["accept-language"]);
  });
});
