// The news of the resident's providers (/news, filtered by kind with ?kind=) and their contacts (/contacts).
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { NEWS } from "../messages/news.ts";
import { contactsBody, NEWS_KINDS, newsBody } from "../views/news-page.ts";
import { type CabinetOptions, requireSignedIn, sendPage, webCall } from "../web-request.ts";

export async function newsRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;

  app.get("/news", { schema: { hide: true }, preHandler: requireSignedIn }, async (request, reply) => {
    const asked = (request.query as Record<string, unknown>)["kind"];
    const kind = NEWS_KINDS.find((k) => k === asked) ?? null;
    const [items, accounts] = await Promise.all([
      webCall(deps, request, "listNews", kind ? { kind, limit: 50 } : { limit: 50 }),
      request.actor?.kind === "resident"
        ? webCall(deps, request, "listMyAccounts", {})
        : Promise.resolve(null),
    ]);
    return sendPage(request, reply, {
      title: format(NEWS.title, request.locale),
      section: "news",
      body: newsBody(request.locale, {
        items,
        kind,
        allProviders: accounts !== null && accounts.length === 0,
      }),
    });
  });

  app.get("/contacts", { schema: { hide: true }, preHandler: requireSignedIn }, async (request, reply) => {
    const providers = await webCall(deps, request, "listProviderContacts", {});
    return sendPage(request, reply, {
      title: format(NEWS.contactsTitle, request.locale),
      section: "news",
      body: contactsBody(request.locale, providers),
    });
  });
}
