// The operator's inbox pages: the table of handed-over conversations (oldest first), and one conversation — its
// messages in order with who wrote them and when (Kyiv time), the answer form and the close button.
import type { Locale } from "../../../i18n/locale.ts";
import { format, type MessageParams } from "../../../i18n/messages.ts";
import type { ConversationView, InboxItem } from "../../../services/conversations/operator-inbox.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
} from "../../web/views/components.ts";
import { CONSOLE_INBOX } from "../messages/inbox.ts";
import type { ConsoleContext } from "./console-context.ts";
import { kyivDateTimeText } from "./console-format.ts";

type Key = keyof typeof CONSOLE_INBOX;
const say = (locale: Locale, key: Key, params: MessageParams = {}) =>
  format(CONSOLE_INBOX[key], locale, params);

export const ANSWER_FIELD = "answer";
export const ANSWER_MAX = 4000;

/** The inbox's own URL, with a platform administrator's ?provider= kept. */
export const inboxPath = (query: string, rest = "") => `/console/inbox${rest}${query}`;

const when = (iso: string) => kyivDateTimeText(new Date(iso));

export function inboxBody(
  ctx: ConsoleContext,
  data: { items: InboxItem[]; query: string; notice: string | null },
): Html {
  const l = ctx.locale;
  const table =
    data.items.length === 0
      ? html`<p>${say(l, "empty")}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${say(l, "caption")}"><table class="inbox">
<caption>${say(l, "caption")}</caption>
<thead><tr><th scope="col">${say(l, "colName")}</th><th scope="col">${say(l, "colPlatform")}</th><th scope="col">${say(l, "colSince")}</th><th scope="col">${say(l, "colLast")}</th><th scope="col">${say(l, "colWaiting")}</th></tr></thead>
<tbody>${data.items.map(
          (c) => html`<tr>
<th scope="row"><a href="${inboxPath(data.query, `/${c.id}`)}">${c.displayName ?? say(l, "noName")}<span class="visually-hidden"> ${say(l, "open", { number: c.id })}</span></a></th>
<td>${say(l, "platform", { platform: c.platform })}</td>
<td>${when(c.handedOverAt)}</td>
<td>${
            c.lastMessage !== null
              ? html`<span class="inbox-last">${c.lastMessage.length > 160 ? `${c.lastMessage.slice(0, 160)}…` : c.lastMessage}</span>${
                  c.lastMessageAt ? html`<br><span class="muted">${when(c.lastMessageAt)}</span>` : ""
                }`
              : html`<span class="muted">${say(l, "noMessages")}</span>`
          }</td>
<td>${c.waiting > 0 ? html`<strong>${say(l, "waiting", { count: c.waiting })}</strong>` : "0"}</td>
</tr>`,
        )}</tbody>
</table></div>`;
  return html`${data.notice ? banner(data.notice, "success") : ""}
<h1>${say(l, "title")}</h1>
<p class="lead">${say(l, "lead")}</p>
<p><a href="${inboxPath(data.query)}">${say(l, "refresh")}</a></p>
<div data-inbox-refresh="15">${table}</div>`;
}

function messageList(ctx: ConsoleContext, c: ConversationView): Html {
  const l = ctx.locale;
  if (c.messages.length === 0) return html`<p>${say(l, "noMessages")}</p>`;
  const who = (m: ConversationView["messages"][number]) =>
    m.direction === "in"
      ? (c.displayName ?? say(l, "fromResident"))
      : m.staffUserId === ctx.actor.userId
        ? say(l, "fromYou")
        : say(l, "fromOperator");
  return html`<ol class="chat-messages">${c.messages.map(
    (m) => html`<li class="chat-message chat-${m.direction}">
<p class="chat-meta"><strong>${who(m)}</strong>, <time datetime="${m.at}">${when(m.at)}</time></p>
<p class="chat-body">${m.body}</p>
</li>`,
  )}</ol>`;
}

export function conversationBody(
  ctx: ConsoleContext,
  data: {
    conversation: ConversationView;
    query: string;
    notice: string | null;
    errors: FieldError[];
    answer: string;
    /** The use case's words for a conversation the bot has back (409): shown in place of the form. */
    closedMessage: string;
  },
): Html {
  const l = ctx.locale;
  const c = data.conversation;
  const base = inboxPath(data.query, `/${c.id}`);
  const error = errorFor(data.errors, ANSWER_FIELD);
  const open = c.handedOverAt !== null;
  const answerForm = open
    ? postForm(
        ctx,
        inboxPath(data.query, `/${c.id}/answer`),
        html`<div class="form-group${error ? " has-error" : ""}">
<label for="${ANSWER_FIELD}">${say(l, "answer")}</label>
<p class="hint" id="${ANSWER_FIELD}-hint">${say(l, "answerHint")}</p>
${error ? html`<p class="error-message" id="${ANSWER_FIELD}-error">${error}</p>` : ""}
<textarea id="${ANSWER_FIELD}" name="text" rows="4" maxlength="${ANSWER_MAX}" required aria-describedby="${ANSWER_FIELD}-hint${error ? ` ${ANSWER_FIELD}-error` : ""}"${
          error ? html` aria-invalid="true"` : ""
        }>${data.answer}</textarea>
</div>${button(say(l, "send"))}`,
      )
    : html`<p class="inbox-closed"${error ? html` id="${ANSWER_FIELD}"` : ""}>${data.closedMessage}</p>`;
  return html`${errorSummary(l, data.errors)}
${data.notice ? banner(data.notice, "success") : ""}
<h1>${say(l, "conversationTitle", {
    name: c.displayName ?? say(l, "noName"),
    platform: say(l, "platform", { platform: c.platform }),
  })}</h1>
${c.handedOverAt ? html`<p>${say(l, "handedOver", { when: when(c.handedOverAt) })}</p>` : ""}
<p><a href="${base}">${say(l, "refreshConversation")}</a> · <a href="${inboxPath(data.query)}">${say(l, "back")}</a></p>
<h2>${say(l, "messagesHeading")}</h2>
${messageList(ctx, c)}
<h2>${say(l, "answerHeading")}</h2>
${answerForm}
${
  open
    ? html`<h2>${say(l, "closeHeading")}</h2>
<p>${say(l, "closeIntro")}</p>
${postForm(ctx, inboxPath(data.query, `/${c.id}/close`), button(say(l, "close"), { kind: "warning" }))}`
    : ""
}`;
}
