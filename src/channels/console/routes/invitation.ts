// /console/invitation?code=…: where an invitation's link lands. Public (the person has no password yet), so it
// is registered beside the console's assets, outside the staff-only area. Accepting sets the password and grants
// the role; the person then signs in as everyone does.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther, sendPage, webCall } from "../../web/web-request.ts";
import type { ConsoleOptions } from "../console-request.ts";
import { STAFF } from "../messages/staff.ts";
import { invitationBody, invitationRefusedBody } from "../views/invitation-page.ts";

async function sendInvitation(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ConsoleOptions["deps"],
  code: string,
  errors: FieldError[],
  status = 200,
) {
  const title = format(STAFF.acceptTitle, request.locale);
  // The secret is the page's only key: no referrer may carry it on.
  reply.header("referrer-policy", "no-referrer").header("cache-control", "no-store");
  try {
    const invitation = await webCall(deps, request, "getInvitation", { code });
    return sendPage(
      request,
      reply,
      (ctx) => ({
        title,
        hasErrors: errors.length > 0,
        body: invitationBody(ctx, invitation, { code, errors }),
      }),
      status,
    );
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    return sendPage(
      request,
      reply,
      (ctx) => ({ title, body: invitationRefusedBody(ctx, e.messageIn(ctx.locale)) }),
      e.status,
    );
  }
}

export async function invitationRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  app.get("/console/invitation", hide, async (request, reply) => {
    const code = String((request.query as Record<string, unknown>)["code"] ?? "").slice(0, 200);
    if (!code) throw new AppError("invitation_invalid");
    return sendInvitation(request, reply, deps, code, []);
  });

  app.post("/console/invitation", hide, async (request, reply) => {
    const form = formOf(request);
    const code = (form["code"] ?? "").slice(0, 200);
    const password = form["password"] ?? "";
    if (!code) throw new AppError("invitation_invalid");
    if (!password) {
      const errors = [{ field: "password", message: format(STAFF.passwordMissing, request.locale) }];
      return sendInvitation(request, reply, deps, code, errors, 400);
    }
    try {
      await webCall(deps, request, "acceptInvitation", { code, password: password.slice(0, 256) });
    } catch (e) {
      const errors = fieldErrorsOf(e, request.locale, { password: "password" }, "password");
      return sendInvitation(request, reply, deps, code, errors, (e as { status?: number }).status ?? 400);
    }
    return seeOther(reply, "/sign-in?done=invitation-accepted");
  });
}
