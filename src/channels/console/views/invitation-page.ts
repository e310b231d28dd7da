// The invitation's accept page, in the cabinet's frame (the person is not staff yet): whom it invites, where and
// as what, and one field — the password they will sign in with.
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  textField,
} from "../../web/views/components.ts";
import type { PageContext } from "../../web/views/page-context.ts";
import { STAFF } from "../messages/staff.ts";

export function invitationBody(
  ctx: PageContext,
  invitation: OutputOf<"getInvitation">,
  o: { code: string; errors: FieldError[] },
): Html {
  const t = (key: keyof typeof STAFF, params = {}) => format(STAFF[key], ctx.locale, params);
  return html`${errorSummary(ctx.locale, o.errors)}
<h1>${t("acceptTitle")}</h1>
<p class="lead">${t("acceptIntro", {
    name: invitation.fullName,
    provider: invitation.provider.name[ctx.locale],
    role: t(invitation.role === "administrator" ? "roleAsAdministrator" : "roleAsOperator"),
    email: invitation.email,
  })}</p>
${invitation.existingUser ? banner(t("acceptExisting")) : ""}
${postForm(
  ctx,
  "/console/invitation",
  html`<input type="hidden" name="code" value="${o.code}">
<input type="hidden" name="username" value="${invitation.email}" autocomplete="username">
${textField({ id: "password", label: t("password"), hint: t("passwordHint"), type: "password", autocomplete: "new-password", error: errorFor(o.errors, "password") })}
${button(t("accept"))}`,
)}`;
}

/** A link that cannot be used (used, withdrawn, expired): the reason, and nothing to fill in. */
export function invitationRefusedBody(ctx: PageContext, message: string): Html {
  return html`<h1>${format(STAFF.acceptTitle, ctx.locale)}</h1>
${banner(message, "warning")}`;
}
