// The staff page: the provider's staff (role, two-step sign-in, last sign-in, remove), pending invitations
// (withdraw), and the invite form. Every button names whom it acts on, for screen readers reading it alone.
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
  radios,
  textField,
} from "../../web/views/components.ts";
import { STAFF } from "../messages/staff.ts";
import type { ConsoleContext } from "./console-context.ts";
import { kyivDateTimeText } from "./console-format.ts";

export type StaffListView = OutputOf<"listStaff">;

export interface InviteForm {
  email?: string;
  fullName?: string;
  role?: string;
  errors: FieldError[];
}

export function staffTitle(ctx: ConsoleContext, list: StaffListView | null): string {
  return list
    ? format(STAFF.titleOf, ctx.locale, { provider: list.provider.name[ctx.locale] })
    : format(STAFF.title, ctx.locale);
}

export function staffBody(
  ctx: ConsoleContext,
  list: StaffListView,
  o: { form: InviteForm; notice?: string; platform: boolean },
): Html {
  const t = (key: keyof typeof STAFF, params = {}) => format(STAFF[key], ctx.locale, params);
  // A platform administrator names the provider in every form; staff act on their own.
  const providerField = o.platform
    ? html`<input type="hidden" name="providerId" value="${list.provider.id}">`
    : html``;
  const roleName = (role: string) => t(role === "administrator" ? "roleAdministrator" : "roleOperator");
  const staffRows = list.staff.map((s) => {
    const self = s.userId === ctx.actor.userId;
    return html`<tr>
<th scope="row">${s.fullName}${self ? html` <span class="muted">${t("you")}</span>` : ""}</th>
<td>${s.email ?? ""}</td>
<td>${roleName(s.role)}</td>
<td>${s.twoFactor ? t("on") : t("off")}</td>
<td>${s.lastSignedInAt ? kyivDateTimeText(new Date(s.lastSignedInAt)) : t("never")}</td>
<td>${
      self
        ? ""
        : postForm(
            ctx,
            `/console/staff/${s.userId}/remove`,
            html`${providerField}<button type="submit" class="warning" aria-label="${t("remove", { name: s.fullName })}">${t("removeShort")}</button>`,
          )
    }</td>
</tr>`;
  });
  const invitationRows = list.invitations.map(
    (i) => html`<tr>
<th scope="row">${i.email}</th>
<td>${i.fullName}</td>
<td>${roleName(i.role)}</td>
<td>${kyivDateTimeText(new Date(i.createdAt))}</td>
<td>${kyivDateTimeText(new Date(i.expiresAt))}${i.expired ? html` <span class="muted">${t("expired")}</span>` : ""}</td>
<td>${postForm(
      ctx,
      `/console/staff/invitations/${i.id}/revoke`,
      html`${providerField}<button type="submit" class="secondary" aria-label="${t("revoke", { email: i.email })}">${t("revokeShort")}</button>`,
    )}</td>
</tr>`,
  );
  return html`${errorSummary(ctx.locale, o.form.errors)}
${o.notice ? banner(o.notice, "success") : ""}
<h1>${staffTitle(ctx, list)}</h1>
${
  list.staff.length === 0
    ? html`<p>${t("noStaff")}</p>`
    : html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("staffCaption")}"><table class="staff-list">
<caption>${t("staffCaption")}</caption>
<thead><tr><th scope="col">${t("colName")}</th><th scope="col">${t("colEmail")}</th><th scope="col">${t("colRole")}</th><th scope="col">${t("colTwoFactor")}</th><th scope="col">${t("colLastSignIn")}</th><th scope="col">${t("colActions")}</th></tr></thead>
<tbody>${staffRows}</tbody>
</table></div>`
}
<h2>${t("invitationsTitle")}</h2>
${
  list.invitations.length === 0
    ? html`<p>${t("noInvitations")}</p>`
    : html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("invitationsCaption")}"><table class="staff-invitations">
<caption>${t("invitationsCaption")}</caption>
<thead><tr><th scope="col">${t("colEmail")}</th><th scope="col">${t("colName")}</th><th scope="col">${t("colRole")}</th><th scope="col">${t("colInvited")}</th><th scope="col">${t("colExpires")}</th><th scope="col">${t("colActions")}</th></tr></thead>
<tbody>${invitationRows}</tbody>
</table></div>`
}
<h2 id="invite">${t("inviteTitle")}</h2>
<p>${t("inviteIntro")}</p>
${postForm(
  ctx,
  "/console/staff/invite",
  html`${providerField}
${textField({ id: "email", label: t("email"), type: "email", autocomplete: "off", spellcheck: false, value: o.form.email, error: errorFor(o.form.errors, "email") })}
${textField({ id: "fullName", label: t("fullName"), autocomplete: "off", value: o.form.fullName, error: errorFor(o.form.errors, "fullName") })}
${radios({
  id: "role",
  legend: t("role"),
  choices: [
    { value: "operator", label: t("roleOperator") },
    { value: "administrator", label: t("roleAdministrator") },
  ],
  value: o.form.role,
  error: errorFor(o.form.errors, "role"),
})}
${button(t("invite"))}`,
)}`;
}

export function chooseProviderBody(ctx: ConsoleContext): Html {
  return html`<h1>${format(STAFF.title, ctx.locale)}</h1>
<p>${format(STAFF.chooseProvider, ctx.locale)} <a href="/console/providers">/console/providers</a></p>`;
}
