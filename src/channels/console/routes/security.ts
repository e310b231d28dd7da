// /console/security: a staff member's own two-step sign-in — set it up (start shows a new secret; the confirm form
// sends it back with a code, and the recovery codes are shown on that answer, once), or turn it off (operators).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { format } from "../../../i18n/messages.ts";
import { totpUri } from "../../../services/two-factor/totp.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { SECURITY } from "../messages/security.ts";
import { recoveryCodesBody, type Setup, securityBody } from "../views/security-page.ts";

async function setupOf(secret: string, uri: string): Promise<Setup> {
  return { secret, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" }) };
}

async function sendSecurity(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ConsoleOptions["deps"],
  o: { setup?: Setup; errors: FieldError[]; notice?: string },
  status = 200,
) {
  const state = await consoleCall(deps, request, "getTwoFactorStatus", {});
  // The secret is on this page until confirmed: no cache may keep it.
  if (o.setup) reply.header("cache-control", "no-store");
  return sendConsolePage(
    request,
    reply,
    (ctx) => ({
      title: format(SECURITY.title, ctx.locale),
      section: "security",
      hasErrors: o.errors.length > 0,
      body: securityBody(ctx, state, o),
    }),
    status,
  );
}

export async function securityRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  app.get("/console/security", hide, async (request, reply) => {
    const done = (request.query as Record<string, string | undefined>)["done"];
    const notice = done === "disabled" ? format(SECURITY.disabled, request.locale) : undefined;
    return sendSecurity(request, reply, deps, { errors: [], ...(notice ? { notice } : {}) });
  });

  app.post("/console/security/start", hide, async (request, reply) => {
    const { secret, uri } = await consoleCall(deps, request, "startTwoFactorEnrolment", {});
    return sendSecurity(request, reply, deps, { setup: await setupOf(secret, uri), errors: [] });
  });

  app.post("/console/security/confirm", hide, async (request, reply) => {
    const form = formOf(request);
    const secret = (form["secret"] ?? "").replace(/\s+/g, "").toUpperCase().slice(0, 64);
    const code = (form["code"] ?? "").replace(/\s+/g, "").slice(0, 20);
    // The same secret again on a refusal, so the app already set up stays right.
    const again = async (errors: FieldError[], status: number) => {
      const valid = /^[A-Z2-7]{32}$/.test(secret);
      const label = (await consoleCall(deps, request, "getMe", {})).user.email ?? "Abonent";
      const setup = valid ? await setupOf(secret, totpUri(secret, label)) : undefined;
      return sendSecurity(request, reply, deps, { errors, ...(setup ? { setup } : {}) }, status);
    };
    if (!secret) return seeOther(reply, "/console/security");
    if (!code) return again([{ field: "code", message: format(SECURITY.codeMissing, request.locale) }], 400);
    try {
      const { recoveryCodes } = await consoleCall(deps, request, "confirmTwoFactorEnrolment", {
        secret,
        code,
      });
      // Shown on this answer only: no cache may keep them.
      reply.header("cache-control", "no-store");
      return sendConsolePage(request, reply, (ctx) => ({
        title: format(SECURITY.recoveryTitle, ctx.locale),
        section: "security",
        body: recoveryCodesBody(ctx, recoveryCodes),
      }));
    } catch (e) {
      const errors = fieldErrorsOf(e, request.locale, { code: "code" }, "code");
      return again(errors, (e as { status?: number }).status ?? 400);
    }
  });

  app.post("/console/security/disable", hide, async (request, reply) => {
    const code = (formOf(request)["code"] ?? "").trim().slice(0, 40);
    if (!code) {
      const errors = [{ field: "code", message: format(SECURITY.codeMissing, request.locale) }];
      return sendSecurity(request, reply, deps, { errors }, 400);
    }
    try {
      await consoleCall(deps, request, "disableTwoFactor", { code });
      return seeOther(reply, "/console/security?done=disabled");
    } catch (e) {
      const errors = fieldErrorsOf(e, request.locale, { code: "code" }, "code");
      return sendSecurity(request, reply, deps, { errors }, (e as { status?: number }).status ?? 400);
    }
  });
}
