// /console/inbox: the contact centre's chats handed over from the bots (every platform), oldest first; a
// conversation's page shows its messages with an answer form (POST …/answer, 303 back with a banner) and a close
// button (POST …/close, 303 to the list). An empty or over-long answer comes back beside the field (400), an answer
// to a conversation the bot has back shows the use case's 409; another provider's conversation is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { consoleProvider } from "../console-provider.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { CONSOLE_INBOX } from "../messages/inbox.ts";
import { ANSWER_FIELD, ANSWER_MAX, conversationBody, inboxBody, inboxPath } from "../views/inbox-page.ts";

const ID = /^[1-9]\d{0,14}$/;
type Params = { Params: { conversationId: string } };

function conversationIdOf(value: string): number {
  if (!ID.test(value)) throw new AppError("not_found");
  return Number(value);
}

/** A platform administrator's ?provider= kept on the conversation's links (staff have none). */
function providerQuery(request: FastifyRequest): string {
  const named = (request.query as Record<string, unknown> | undefined)?.["provider"];
  return typeof named === "string" && /^[a-z0-9_-]{1,60}$/i.test(named)
    ? `?provider=${encodeURIComponent(named)}`
    : "";
}

/** "?provider=x" + "&done=y", or "?done=y". */
const withDone = (query: string, done: string) => `${query}${query ? "&" : "?"}done=${done}`;

const done = (request: FastifyRequest) => (request.query as Record<string, unknown>)["done"];

export async function consoleInboxRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  app.get("/console/inbox", hide, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const items = await consoleCall(deps, request, "listInbox", { provider: provider.key });
    const notice = done(request) === "closed" ? format(CONSOLE_INBOX.closed, request.locale) : null;
    return sendConsolePage(request, reply, (ctx) => ({
      title: format(CONSOLE_INBOX.title, ctx.locale),
      section: "inbox",
      body: inboxBody(ctx, { items, query: provider.query, notice }),
    }));
  });

  const sendConversation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    conversationId: number,
    o: { errors?: FieldError[]; answer?: string; status?: number } = {},
  ) => {
    const conversation = await consoleCall(deps, request, "getConversation", { conversationId });
    const errors = o.errors ?? [];
    const notice = done(request) === "sent" ? format(CONSOLE_INBOX.sent, request.locale) : null;
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: `${conversation.displayName ?? format(CONSOLE_INBOX.noName, ctx.locale)} · ${format(CONSOLE_INBOX.title, ctx.locale)}`,
        section: "inbox",
        hasErrors: errors.length > 0,
        body: conversationBody(ctx, {
          conversation,
          query: providerQuery(request),
          notice,
          errors,
          answer: o.answer ?? "",
          closedMessage: new AppError("conversation_closed").messageIn(ctx.locale),
        }),
      }),
      o.status ?? 200,
    );
  };

  app.get<Params>("/console/inbox/:conversationId", hide, async (request, reply) =>
    sendConversation(request, reply, conversationIdOf(request.params.conversationId)),
  );

  app.post<Params>("/console/inbox/:conversationId/answer", hide, async (request, reply) => {
    const conversationId = conversationIdOf(request.params.conversationId);
    const text = formOf(request)["text"] ?? "";
    const refuse = (message: string) =>
      sendConversation(request, reply, conversationId, {
        errors: [{ field: ANSWER_FIELD, message }],
        answer: text.slice(0, ANSWER_MAX * 2),
        status: 400,
      });
    if (text.trim() === "") return refuse(format(CONSOLE_INBOX.answerMissing, request.locale));
    if (text.trim().length > ANSWER_MAX) return refuse(format(CONSOLE_INBOX.answerTooLong, request.locale));
    try {
      await consoleCall(deps, request, "answerConversation", { conversationId, text: text.trim() });
    } catch (e) {
      // Someone else's conversation, or none: the 404 page, as for any id that is not the caller's.
      if (e instanceof AppError && e.code === "not_found") throw e;
      const errors = fieldErrorsOf(e, request.locale, { text: ANSWER_FIELD }, ANSWER_FIELD);
      return sendConversation(request, reply, conversationId, {
        errors,
        answer: text,
        status: (e as AppError).status,
      });
    }
    return seeOther(reply, inboxPath(withDone(providerQuery(request), "sent"), `/${conversationId}`));
  });

  app.post<Params>("/console/inbox/:conversationId/close", hide, async (request, reply) => {
    const conversationId = conversationIdOf(request.params.conversationId);
    await consoleCall(deps, request, "closeConversation", { conversationId });
    return seeOther(reply, inboxPath(withDone(providerQuery(request), "closed")));
  });
}
