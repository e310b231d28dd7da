// Linking a personal account by its paper bill (/accounts/link) and removing a link after an "are you sure?"
// page (/accounts/:id/unlink). The use cases check the proof, count the guesses and scope the account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { ACCOUNTS } from "../messages/accounts.ts";
import { type LinkForm, linkBody, unlinkBody } from "../views/account-link-page.ts";
import type { FieldError } from "../views/components.ts";
import {
  type CabinetOptions,
  fieldErrorsOf,
  formOf,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { accountIdOf } from "./account-param.ts";

/** The account of the path among the resident's own; anyone else's is not found (the 404 page). */
export async function myAccount(deps: CabinetOptions["deps"], request: FastifyRequest) {
  const id = accountIdOf(request);
  const accounts = await webCall(deps, request, "listMyAccounts", {});
  const account = accounts.find((a) => a.id === id);
  if (!account) throw new AppError("not_found");
  return account;
}

export async function accountLinkRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;

  const sendLinkForm = async (request: FastifyRequest, reply: FastifyReply, form: LinkForm, status = 200) => {
    const providers = await webCall(deps, request, "listProviderChoices", {});
    return sendPage(
      request,
      reply,
      (ctx) => ({
        title: format(ACCOUNTS.linkTitle, ctx.locale),
        section: "home",
        hasErrors: form.errors.length > 0,
        body: linkBody(ctx, providers, form),
      }),
      status,
    );
  };

  app.get("/accounts/link", { schema: { hide: true }, preHandler: requireSignedIn }, (request, reply) =>
    sendLinkForm(request, reply, { errors: [] }),
  );

  app.post(
    "/accounts/link",
    { schema: { hide: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const fields = formOf(request);
      const form = {
        provider: (fields["provider"] ?? "").trim(),
        number: (fields["number"] ?? "").trim(),
        amountDue: (fields["amountDue"] ?? "").trim(),
      };
      const locale = request.locale;
      const errors: FieldError[] = [];
      if (!form.provider)
        errors.push({ field: "provider", message: format(ACCOUNTS.providerMissing, locale) });
      if (!form.number) errors.push({ field: "number", message: format(ACCOUNTS.numberMissing, locale) });
      if (!form.amountDue)
        errors.push({ field: "amountDue", message: format(ACCOUNTS.amountMissing, locale) });
      if (errors.length) return sendLinkForm(request, reply, { ...form, errors }, 400);
      try {
        const linked = await webCall(deps, request, "linkAccount", form);
        const done = linked.alreadyLinked ? "linked-already" : "linked";
        return seeOther(reply, `/?done=${done}&account=${linked.accountId}`);
      } catch (e) {
        // The proof is the bill as a whole: a mismatch is about the number and the amount together, so the summary
        // leads to the number; an unreadable amount to the amount; too many attempts to no one field.
        const code = e instanceof AppError ? e.code : null;
        const field =
          code === "link_amount_unreadable" ? "amountDue" : code === "link_proof_mismatch" ? "number" : null;
        const fieldErrors = fieldErrorsOf(e, locale, {}, field);
        const status = (e as AppError).status;
        if (status === 429) {
          const retry = (e as AppError).details["retryAfterSeconds"];
          if (typeof retry === "number") reply.header("retry-after", String(retry));
        }
        return sendLinkForm(request, reply, { ...form, errors: fieldErrors }, status);
      }
    },
  );

  app.get<{ Params: { accountId: string } }>(
    "/accounts/:accountId/unlink",
    { schema: { hide: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const account = await myAccount(deps, request);
      return sendPage(request, reply, (ctx) => ({
        title: format(ACCOUNTS.unlinkTitle, ctx.locale),
        section: "home",
        body: unlinkBody(ctx, account),
      }));
    },
  );

  app.post<{ Params: { accountId: string } }>(
    "/accounts/:accountId/unlink",
    { schema: { hide: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const account = await myAccount(deps, request);
      await webCall(deps, request, "unlinkAccount", { accountId: account.id });
      return seeOther(reply, "/?done=unlinked");
    },
  );
}
