// /console/audit: the audit log for administrators — their provider's lines (a platform administrator's: every
// line, or ?provider=<id>), filtered by staff member, action and account, a page of 50 at a time.
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import type { FieldError } from "../../web/views/components.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
  staffOf,
} from "../console-request.ts";
import { AUDIT } from "../messages/audit.ts";
import { type AuditFilter, auditBody } from "../views/audit-page.ts";

const WHOLE = /^\d{1,15}$/;

export async function auditRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;

  app.get(
    "/console/audit",
    { preHandler: requireAdministrator, schema: { hide: true } },
    async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const filter: AuditFilter = {
        staff: q["staff"]?.trim() || undefined,
        action: q["action"]?.trim() || undefined,
        account: q["account"]?.trim() || undefined,
        provider: q["provider"]?.trim() || undefined,
      } as AuditFilter;
      for (const k of Object.keys(filter) as (keyof AuditFilter)[])
        if (filter[k] === undefined) delete filter[k];
      const errors: FieldError[] = [];
      const bad = format(AUDIT.badNumber, request.locale);
      for (const field of ["staff", "account", "provider"] as const) {
        const v = filter[field];
        if (v !== undefined && !(WHOLE.test(v) && Number(v) >= 1)) errors.push({ field, message: bad });
      }
      if (filter.action && !/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(filter.action))
        errors.push({ field: "action", message: format(AUDIT.actionHint, request.locale) });
      const before = q["before"] && WHOLE.test(q["before"]) ? Number(q["before"]) : undefined;
      const actor = staffOf(request);
      const page = errors.length
        ? null
        : await consoleCall(deps, request, "listAuditLog", {
            ...(filter.provider ? { providerId: Number(filter.provider) } : {}),
            ...(filter.staff ? { staffUserId: Number(filter.staff) } : {}),
            ...(filter.action ? { action: filter.action } : {}),
            ...(filter.account ? { accountId: Number(filter.account) } : {}),
            ...(before && before >= 1 ? { before } : {}),
          });
      // A provider's administrator picks from their staff; the platform's sees every provider's, so types a number.
      const staffChoices =
        actor.kind === "staff"
          ? (await consoleCall(deps, request, "listStaff", {})).staff.map((s) => ({
              value: String(s.userId),
              label: `${s.fullName}${s.email ? ` (${s.email})` : ""}`,
            }))
          : null;
      return sendConsolePage(
        request,
        reply,
        (ctx) => ({
          title: format(AUDIT.title, ctx.locale),
          section: "audit",
          hasErrors: errors.length > 0,
          body: auditBody(ctx, page, { filter, staffChoices, errors, paged: before !== undefined }),
        }),
        errors.length ? 400 : 200,
      );
    },
  );
}
