// /console: where a staff member lands after signing in, and the operator's first tool — finding the caller's
// account. GET /console?q=… searches (searchAccounts) and shows the hits; a blank or too long text is answered
// on the same page with the reason beside the field (422).
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { SEARCH_LIMIT, SEARCH_QUERY_MAX } from "../../../services/account-search/use-cases.ts";
import { fieldErrorsOf } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { CONSOLE_LAYOUT } from "../messages/layout.ts";
import { SEARCH } from "../messages/search.ts";
import { type SearchState, searchBody } from "../views/search-page.ts";

export async function consoleHomeRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  app.get("/console", { schema: { hide: true } }, async (request, reply) => {
    const locale = request.locale;
    const asked = (request.query as Record<string, unknown>)["q"];
    const query = typeof asked === "string" ? asked : Array.isArray(asked) ? String(asked[0] ?? "") : null;
    const state: SearchState = { query, errors: [], hits: null, limit: SEARCH_LIMIT };
    if (query !== null) {
      const text = query.trim();
      if (text === "") state.errors = [{ field: "q", message: format(SEARCH.empty, locale) }];
      else if ([...text].length > SEARCH_QUERY_MAX)
        state.errors = [{ field: "q", message: format(SEARCH.tooLong, locale, { max: SEARCH_QUERY_MAX }) }];
      else {
        try {
          state.hits = await consoleCall(deps, request, "searchAccounts", { query: text });
        } catch (e) {
          state.errors = fieldErrorsOf(e, locale, { query: "q" }, "q");
        }
      }
    }
    const title = format(CONSOLE_LAYOUT.navAccounts, locale);
    return sendConsolePage(
      request,
      reply,
      {
        title,
        section: "accounts",
        hasErrors: state.errors.length > 0,
        body: searchBody(locale, title, state),
      },
      state.errors.length > 0 ? 422 : 200,
    );
  });
}
