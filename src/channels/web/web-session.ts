// The cabinet's sign-in is the API's session token (services/auth), kept in an httpOnly cookie instead of an
// Authorization header: SameSite=Lax so no other site's form or script can use it, Secure (and the __Host-
// prefix, which pins it to this origin) in production. The language cookie remembers a visitor's choice.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Locale } from "../../i18n/locale.ts";
import { isLocale } from "../../i18n/locale.ts";
import { resolveCredential } from "../../services/auth/resolve-token.ts";
import type { Deps } from "../../services/deps.ts";

const DEV_NAME = "abonent_session";
const PROD_NAME = "__Host-abonent_session";
export const LANGUAGE_COOKIE = "abonent_lang";

export function sessionCookieName(production: boolean): string {
  return production ? PROD_NAME : DEV_NAME;
}

export function setSessionCookie(
  reply: FastifyReply,
  production: boolean,
  token: string,
  expiresAt: Date | string,
): void {
  reply.setCookie(sessionCookieName(production), token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, production: boolean): void {
  reply.clearCookie(sessionCookieName(production), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: production,
  });
}

export function sessionToken(request: FastifyRequest, production: boolean): string | null {
  return request.cookies[sessionCookieName(production)] ?? null;
}

/** Sets request.actor from the session cookie (a personal API token in a cookie is not a session: ignored). */
export async function identifyFromCookie(
  deps: Deps,
  request: FastifyRequest,
  production: boolean,
): Promise<void> {
  const token = sessionToken(request, production);
  const resolved = token ? await resolveCredential(deps, token) : null;
  const isSession = resolved?.credential.kind === "session";
  request.actor = isSession ? resolved.actor : null;
  request.credential = isSession ? resolved.credential : null;
}

/** The cabinet's language: ?lang=, then the visitor's cookie, then the signed-in person's stored choice,
 * then Accept-Language (already in request.locale from the locale plugin). */
export function cabinetLocale(request: FastifyRequest): Locale {
  const asked = (request.query as Record<string, unknown> | undefined)?.["lang"];
  if (isLocale(asked)) return asked;
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isLocale(remembered)) return remembered;
  if (request.actor) return request.actor.locale;
  return request.locale;
}

export function rememberLanguage(reply: FastifyReply, production: boolean, locale: Locale): void {
  reply.setCookie(LANGUAGE_COOKIE, locale, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    maxAge: 365 * 24 * 3600,
  });
}
