// What a console route does with its request, on top of the cabinet's machinery (web-request.ts): who may be
// here (staff only; a resident is told "not found" as for anything not theirs), the use-case context of the
// contact-centre door, and the console's frame.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { UseCaseContext } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase, type InputOf, type OutputOf, type UseCaseName } from "../../services/registry.ts";
import { pageContext, seeOther } from "../web/web-request.ts";
import type { ConsoleContext, StaffActor } from "./views/console-context.ts";
import { type ConsolePageOptions, consolePage } from "./views/console-layout.ts";

export type { CabinetOptions as ConsoleOptions } from "../web/web-request.ts";

/** The staff member behind a console request (the console's preHandler let only staff through). */
export function staffOf(request: FastifyRequest): StaffActor {
  const actor = request.actor;
  if (!actor || actor.kind === "resident" || actor.kind === "partner") throw new AppError("not_found");
  return actor;
}

/** The console's door: what staff enter (a reading for a caller) is recorded as the contact centre's. */
export function consoleContext(request: FastifyRequest): UseCaseContext {
  return { actor: request.actor, channel: "contact_centre", locale: request.locale, client: request.ip };
}

/** Calls a use case as the staff member behind the request. */
export function consoleCall<N extends UseCaseName>(
  deps: Deps,
  request: FastifyRequest,
  name: N,
  input: InputOf<N>,
): Promise<OutputOf<N>> {
  return callUseCase(deps, name, consoleContext(request), input);
}

export function consolePageContext(request: FastifyRequest, reply: FastifyReply): ConsoleContext {
  return { ...pageContext(request, reply), actor: staffOf(request) };
}

/** Sends a page in the console's frame; a view that needs the page context (its forms' token) gets it. */
export function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ConsolePageOptions | ((ctx: ConsoleContext) => ConsolePageOptions),
  status = 200,
): FastifyReply {
  const ctx = consolePageContext(request, reply);
  return reply
    .status(status)
    .type("text/html; charset=utf-8")
    .send(consolePage(ctx, typeof options === "function" ? options(ctx) : options));
}

/** preHandler of every console route: a visitor signs in first and comes back; a resident finds nothing here. */
export async function requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.actor) {
    await seeOther(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    return;
  }
  if (request.actor.kind === "resident") throw new AppError("not_found");
}

/** preHandler of the administrator's pages: an operator is told "forbidden" (the use cases would say so too). */
export async function requireAdministrator(request: FastifyRequest): Promise<void> {
  const actor = staffOf(request);
  if (actor.kind === "staff" && actor.role !== "administrator") throw new AppError("forbidden");
}
