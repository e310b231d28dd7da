// The channels page: a checkbox per door readings come through, with what it is, ticked when it is on.
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../../web/html.ts";
import { banner, button, postForm } from "../../web/views/components.ts";
import { CONSOLE_CHANNELS } from "../messages/channels.ts";
import type { ConsoleContext } from "./console-context.ts";
import { checkboxes } from "./settings-fields.ts";

export const CHANNEL_ORDER = [
  "web",
  "contact_centre",
  "voice",
  "viber",
  "telegram",
  "facebook",
  "sms",
  "bank",
  "import",
] as const;

export function channelsBody(
  ctx: ConsoleContext,
  d: { channels: OutputOf<"getChannels">; notice: string | null; providerQuery: string },
): Html {
  const t = (key: keyof typeof CONSOLE_CHANNELS, params = {}) =>
    format(CONSOLE_CHANNELS[key], ctx.locale, params);
  const on = new Set<string>(d.channels.channels);
  return html`${d.notice ? banner(d.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
${on.size === 0 ? banner(t("noneOn"), "warning") : ""}
${postForm(
  ctx,
  `/console/channels${d.providerQuery}`,
  html`${checkboxes({
    id: "channel",
    name: "channel",
    legend: t("legend"),
    choices: CHANNEL_ORDER.map((channel) => ({
      value: channel,
      label: `${t("name", { channel })} (${t("state", { on: on.has(channel) ? "yes" : "no" })})`,
      hint: t("about", { channel }),
      checked: on.has(channel),
    })),
  })}${button(t("save"))}`,
)}`;
}
