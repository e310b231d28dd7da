// The language switch: a small form in every page's header. The choice is remembered in a cookie, and for a
// signed-in person stored with them too, so codes and messages sent later are in it as well.
import type { FastifyInstance } from "fastify";
import { isLocale } from "../../../i18n/locale.ts";
import { AppError } from "../../../services/errors.ts";
import { type CabinetOptions, formOf, localPath, seeOther, webCall } from "../web-request.ts";
import { rememberLanguage } from "../web-session.ts";

/** The way back without a ?lang= that would override the new choice. */
function withoutLang(path: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.delete("lang");
  return url.pathname + url.search;
}

export async function languageRoutes(app: FastifyInstance, opts: CabinetOptions) {
  app.post("/language", { schema: { hide: true } }, async (request, reply) => {
    const form = formOf(request);
    const locale = form["locale"];
    if (!isLocale(locale))
      throw new AppError(
        "validation_failed",
        { details: "locale" },
        { field: "locale", in: "body", rule: "enum" },
      );
    rememberLanguage(reply, opts.production, locale);
    if (request.actor) await webCall(opts.deps, request, "setMyLanguage", { locale });
    return seeOther(reply, withoutLang(localPath(form["back"])));
  });
}
