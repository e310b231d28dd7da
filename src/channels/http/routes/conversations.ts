// The bots' use cases over HTTP: a resident's chat-link code, and the contact centre's inbox of handed-over
// conversations.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function conversationRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "createChatLinkCode", {
    method: "POST",
    url: "/api/me/chat-link-code",
    success: 201,
  });
  routeUseCase(app, deps, "listProviderBots", { method: "GET", url: "/api/providers/:provider/bots" });
  routeUseCase(app, deps, "saveProviderBot", {
    method: "PUT",
    url: "/api/providers/:provider/bots/:platform/:key",
  });
  routeUseCase(app, deps, "listInbox", { method: "GET", url: "/api/providers/:provider/inbox" });
  routeUseCase(app, deps, "getConversation", { method: "GET", url: "/api/conversations/:conversationId" });
  routeUseCase(app, deps, "answerConversation", {
    method: "POST",
    url: "/api/conversations/:conversationId/answers",
    success: 201,
  });
  routeUseCase(app, deps, "closeConversation", {
    method: "POST",
    url: "/api/conversations/:conversationId/close",
  });
}
