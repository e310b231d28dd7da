// Talking to the app the way a client does: JSON over HTTP (through inject), with a bearer token.
import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "../../src/channels/http/app.ts";
import type { Deps } from "../../src/services/deps.ts";

export function quietApp(deps: Deps): Promise<FastifyInstance> {
  // The console's tests sign in as the demo administrators without a phone: two-factor sign-in left to each
  // person (its own tests build the app with it required, as it is by default).
  return buildApp({
    deps,
    config: { logLevel: "silent", production: false, staffTwoFactor: "optional" },
    logger: false,
  });
}

/** The same, with some of the app's configuration (a route that is off without its setting). */
export function quietAppWith(deps: Deps, config: Partial<AppOptions["config"]>): Promise<FastifyInstance> {
  return buildApp({
    deps,
    config: { logLevel: "silent", production: false, staffTwoFactor: "optional", ...config },
    logger: false,
  });
}

export interface Call {
  token?: string;
  body?: unknown;
  /** The language asked for, as a client that lets the person pick one does: ?lang= (which beats a signed-in
   * person's stored language) and Accept-Language. */
  lang?: "uk" | "ru" | "en";
  headers?: Record<string, string>;
}

export async function call(
  app: FastifyInstance,
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  c: Call = {},
) {
  const res = await app.inject({
    method,
    url: c.lang ? `${url}${url.includes("?") ? "&" : "?"}lang=${c.lang}` : url,
    headers: {
      ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
      ...(c.lang ? { "accept-language": c.lang } : {}),
      ...c.headers,
    },
    ...(c.body !== undefined ? { payload: c.body as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

export async function signInAs(app: FastifyInstance, login: string, password: string): Promise<string> {
  const res = await call(app, "POST", "/api/session", { body: { login, password } });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
