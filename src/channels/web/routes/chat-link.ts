// Linking a messenger chat from the cabinet: POST /settings/chat-link-code asks createChatLinkCode for a new code
// and shows it in that answer only (never in a URL, a cookie or a cache); typed into the bot it links the chat.
// A GET of the same address (a reload of the answer's URL) goes back to the settings.
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { CHAT_LINK } from "../messages/chat-link.ts";
import { CHAT_LINK_CODE_PATH, chatLinkCodeBody } from "../views/chat-link-page.ts";
import {
  type CabinetOptions,
  pageContext,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";

const signedIn = { schema: { hide: true }, preHandler: requireSignedIn } as const;

export async function chatLinkRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;
  app.get(CHAT_LINK_CODE_PATH, signedIn, async (_request, reply) => seeOther(reply, "/settings#messengers"));
  app.post(CHAT_LINK_CODE_PATH, signedIn, async (request, reply) => {
    const created = await webCall(deps, request, "createChatLinkCode", {});
    reply.header("cache-control", "no-store");
    return sendPage(
      request,
      reply,
      {
        title: format(CHAT_LINK.codeTitle, request.locale),
        section: "settings",
        body: chatLinkCodeBody(pageContext(request, reply), created),
      },
      201,
    );
  });
}
