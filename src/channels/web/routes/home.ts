// "/": the sign-in form for a visitor, the home page for a signed-in resident: every linked account with its
// money, its reading window and the one next thing to do. The pages for linking accounts and for readings hang
// off the home page, so they are registered here.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import { ACCOUNTS } from "../messages/accounts.ts";
import { HOME } from "../messages/home.ts";
import { type AccountCard, homeBody } from "../views/home-page.ts";
import { type CabinetOptions, localPath, seeOther, sendPage, webCall } from "../web-request.ts";
import { accountLinkRoutes } from "./account-link.ts";
import { readingsRoutes } from "./readings.ts";
import { sendSignIn } from "./sign-in.ts";

/** The last bill's foot, or null before the provider's first bill. */
async function lastBillOf(deps: Deps, request: FastifyRequest, accountId: number) {
  try {
    const bill = await webCall(deps, request, "lastBill", { accountId });
    return { period: bill.period, amountDueKop: bill.amountDue.kop };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}

/** Each account's card: its three views asked together, every account at once. */
export function loadCards(
  deps: Deps,
  request: FastifyRequest,
  accounts: readonly AccountSummary[],
): Promise<AccountCard[]> {
  return Promise.all(
    accounts.map(async (account) => {
      const [balance, lastBill, meters] = await Promise.all([
        webCall(deps, request, "accountBalance", { accountId: account.id }),
        lastBillOf(deps, request, account.id),
        webCall(deps, request, "listAccountMeters", { accountId: account.id }),
      ]);
      return { account, balanceKop: balance.total.kop, lastBill, meters };
    }),
  );
}

export async function homeRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    if (!request.actor) {
      const next = localPath((request.query as Record<string, unknown>)["next"], "");
      return sendSignIn(request, reply, next ? { next } : {});
    }
    // Staff have no accounts of their own: their work is in the console.
    if (request.actor.kind !== "resident") return seeOther(reply, "/console");
    const query = request.query as Record<string, string | undefined>;
    const accounts = await webCall(deps, request, "listMyAccounts", {});
    const cards = await loadCards(deps, request, accounts);
    const locale = request.locale;
    let notice: string | null = null;
    if (query["done"] === "unlinked") notice = format(ACCOUNTS.unlinked, locale);
    if (query["done"] === "linked" || query["done"] === "linked-already") {
      const linked = accounts.find((a) => String(a.id) === query["account"]);
      if (linked)
        notice = format(query["done"] === "linked" ? ACCOUNTS.linked : ACCOUNTS.linkedAlready, locale, {
          number: linked.number,
        });
    }
    return sendPage(request, reply, (ctx) => ({
      title: format(accounts.length ? HOME.title : HOME.noAccountsTitle, locale),
      section: "home",
      body: homeBody(ctx, cards, notice),
    }));
  });

  await app.register(accountLinkRoutes, opts);
  await app.register(readingsRoutes, opts);
}
