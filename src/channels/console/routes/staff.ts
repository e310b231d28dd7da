// /console/staff: an administrator's provider's staff — invite, withdraw an invitation, remove. A platform
// administrator manages any provider's (?provider=<id>, and providerId in each form). Every change goes through
// a use case that checks the provider is the caller's own: another provider's ids answer "not found".
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
  staffOf,
} from "../console-request.ts";
import { STAFF } from "../messages/staff.ts";
import { chooseProviderBody, type InviteForm, staffBody, staffTitle } from "../views/staff-page.ts";

const NOTICES = { invited: "invited", removed: "removed", revoked: "revoked" } as const;

/** The provider a platform administrator named (query or form); staff always act on their own. */
function providerIdOf(value: unknown): number | undefined {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function backTo(
  request: FastifyRequest,
  providerId: number | undefined,
  done: keyof typeof NOTICES,
  extra = "",
) {
  const platform = staffOf(request).kind === "platform_admin";
  const provider = platform && providerId !== undefined ? `&provider=${providerId}` : "";
  return `/console/staff?done=${done}${provider}${extra}`;
}

async function sendStaffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ConsoleOptions["deps"],
  providerId: number | undefined,
  form: InviteForm,
  notice?: string,
  status = 200,
) {
  const platform = staffOf(request).kind === "platform_admin";
  if (platform && providerId === undefined) {
    return sendConsolePage(request, reply, (ctx) => ({
      title: staffTitle(ctx, null),
      section: "staff",
      body: chooseProviderBody(ctx),
    }));
  }
  const list = await consoleCall(deps, request, "listStaff", providerId !== undefined ? { providerId } : {});
  return sendConsolePage(
    request,
    reply,
    (ctx) => ({
      title: staffTitle(ctx, list),
      section: "staff",
      hasErrors: form.errors.length > 0,
      body: staffBody(ctx, list, { form, platform, ...(notice ? { notice } : {}) }),
    }),
    status,
  );
}

export async function staffRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const guard = { preHandler: requireAdministrator, schema: { hide: true } };

  app.get("/console/staff", guard, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const done = query["done"] as keyof typeof NOTICES | undefined;
    const notice =
      done && done in NOTICES
        ? format(STAFF[NOTICES[done]], request.locale, { email: query["email"] ?? "" })
        : undefined;
    return sendStaffPage(request, reply, deps, providerIdOf(query["provider"]), { errors: [] }, notice);
  });

  app.post("/console/staff/invite", guard, async (request, reply) => {
    const form = formOf(request);
    const providerId = providerIdOf(form["providerId"]);
    const state: InviteForm = {
      email: (form["email"] ?? "").trim(),
      fullName: (form["fullName"] ?? "").trim(),
      role: form["role"] ?? "",
      errors: [],
    };
    const t = (key: keyof typeof STAFF) => format(STAFF[key], request.locale);
    const errors: FieldError[] = [];
    if (!state.email) errors.push({ field: "email", message: t("emailMissing") });
    if (!state.fullName) errors.push({ field: "fullName", message: t("nameMissing") });
    if (state.role !== "operator" && state.role !== "administrator")
      errors.push({ field: "role", message: t("roleMissing") });
    if (errors.length)
      return sendStaffPage(request, reply, deps, providerId, { ...state, errors }, undefined, 400);
    try {
      const invited = await consoleCall(deps, request, "inviteStaff", {
        ...(providerId !== undefined ? { providerId } : {}),
        email: state.email ?? "",
        fullName: state.fullName ?? "",
        role: state.role as "operator" | "administrator",
      });
      return seeOther(
        reply,
        backTo(request, providerId, "invited", `&email=${encodeURIComponent(invited.email)}`),
      );
    } catch (e) {
      const status = (e as { status?: number }).status ?? 400;
      // Another provider's (or a missing) provider: the error page, as for any data not the caller's.
      if (status === 404 || status === 403) throw e;
      const fieldErrors = fieldErrorsOf(e, request.locale, { email: "email", fullName: "fullName" }, "email");
      return sendStaffPage(
        request,
        reply,
        deps,
        providerId,
        { ...state, errors: fieldErrors },
        undefined,
        status,
      );
    }
  });

  app.post("/console/staff/:userId/remove", guard, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    const providerId = providerIdOf(formOf(request)["providerId"]);
    const id = providerIdOf(userId);
    if (id === undefined) throw new AppError("not_found");
    try {
      await consoleCall(deps, request, "removeStaff", {
        ...(providerId !== undefined ? { providerId } : {}),
        userId: id,
      });
    } catch (e) {
      if ((e as { code?: string }).code !== "cannot_remove_self") throw e;
      const errors = fieldErrorsOf(e, request.locale);
      return sendStaffPage(request, reply, deps, providerId, { errors }, undefined, 409);
    }
    return seeOther(reply, backTo(request, providerId, "removed"));
  });

  app.post("/console/staff/invitations/:invitationId/revoke", guard, async (request, reply) => {
    const { invitationId } = request.params as { invitationId: string };
    const providerId = providerIdOf(formOf(request)["providerId"]);
    const id = providerIdOf(invitationId);
    if (id === undefined) throw new AppError("not_found");
    await consoleCall(deps, request, "revokeInvitation", {
      ...(providerId !== undefined ? { providerId } : {}),
      invitationId: id,
    });
    return seeOther(reply, backTo(request, providerId, "revoked"));
  });
}
