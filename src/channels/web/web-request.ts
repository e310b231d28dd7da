// What a cabinet route does with its request: the page context, the use-case context, calling a use case for
// the signed-in resident, reading a form, turning a use case's refusal into field errors, and redirects.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Locale } from "../../i18n/locale.ts";
import type { UseCaseContext } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase, type InputOf, type OutputOf, type UseCaseName } from "../../services/registry.ts";
import type { FieldError } from "./views/components.ts";
import { cabinetPage, type PageOptions } from "./views/layout.ts";
import type { PageContext } from "./views/page-context.ts";

export interface CabinetOptions {
  deps: Deps;
  production: boolean;
  /** Whether administrators must set up two-step sign-in before the console lets them work (config.ts). */
  staffTwoFactor?: "required" | "optional";
}

/** The use-case context of a cabinet request: the web door, the page's language, the client's address. */
export function webContext(request: FastifyRequest): UseCaseContext {
  return { actor: request.actor, channel: "web", locale: request.locale, client: request.ip };
}

/** Calls a use case as the person behind the request, in the page's language. */
export function webCall<N extends UseCaseName>(
  deps: Deps,
  request: FastifyRequest,
  name: N,
  input: InputOf<N>,
): Promise<OutputOf<N>> {
  return callUseCase(deps, name, webContext(request), input);
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    locale: request.locale,
    signedIn: request.actor !== null,
    csrf: reply.generateCsrf(),
    path: request.url,
  };
}

/** Sends a page in the cabinet's frame; a view that needs the page context (its forms' token) gets it. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageOptions | ((ctx: PageContext) => PageOptions),
  status = 200,
): FastifyReply {
  const ctx = pageContext(request, reply);
  return reply
    .status(status)
    .type("text/html; charset=utf-8")
    .send(cabinetPage(ctx, typeof options === "function" ? options(ctx) : options));
}

/** After a form is handled, the browser goes to a page by GET (so a reload does not send the form again). */
export function seeOther(reply: FastifyReply, url: string): FastifyReply {
  return reply.redirect(url, 303);
}

/** A path of this site to return to, or "/" for anything else (an open redirect would help phishing). */
export function localPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\"))
    return fallback;
  return value;
}

/** The form's fields as strings (a field sent twice counts once; anything not a string is dropped). */
export function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  if (!body || typeof body !== "object") return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * A use case's refusal as errors for the form: the field it names (mapped to the form's own field ids by
 * `fields`), else the form as a whole. Anything that is not a refusal (a fault) is thrown on.
 */
export function fieldErrorsOf(
  error: unknown,
  locale: Locale,
  fields: Readonly<Record<string, string>> = {},
  fallbackField: string | null = null,
): FieldError[] {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  const named = error.details["field"];
  const field = typeof named === "string" ? (fields[named] ?? null) : null;
  return [{ field: field ?? fallbackField, message: error.messageIn(locale) }];
}

/** preHandler of every page that needs a signed-in resident: others go to the sign-in form, and come back. */
export async function requireSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor) return;
  await seeOther(reply, `/?next=${encodeURIComponent(request.url)}`);
}
