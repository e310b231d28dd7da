// Which provider an administrator's page is about: a provider's staff member's own; a platform administrator's
// choice, named by ?provider= (the first provider when none is named), since they reach every provider.
import type { FastifyRequest } from "fastify";
import type { Deps } from "../../services/deps.ts";
import { consoleCall, staffOf } from "./console-request.ts";

export interface ConsoleProvider {
  /** The provider's key for the use cases (its id or code). */
  key: string;
  /** "?provider=code" for a platform administrator's links and forms, so they stay on that provider; else "". */
  query: string;
}

export async function consoleProvider(deps: Deps, request: FastifyRequest): Promise<ConsoleProvider> {
  const actor = staffOf(request);
  if (actor.kind === "staff") return { key: String(actor.providerId), query: "" };
  const named = (request.query as Record<string, unknown> | undefined)?.["provider"];
  if (typeof named === "string" && /^[a-z0-9_-]{1,60}$/i.test(named)) {
    return { key: named, query: `?provider=${encodeURIComponent(named)}` };
  }
  const [first] = await consoleCall(deps, request, "listProviders", {});
  const code = first?.code ?? "";
  return { key: code, query: `?provider=${encodeURIComponent(code)}` };
}
