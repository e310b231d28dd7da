// Bills for Viber chats: Viber downloads a file from a URL, so the bot sends a signed link to
// GET /webhooks/viber/files/<token>, valid an hour, naming the chat and the bill's file. Fetching it makes the
// bill again as the chat's person through downloadBill (their access is checked then, not when the link was made).
import type { FastifyInstance } from "fastify";
import type { ViberFileUrl } from "../../../gateways/chat/viber-api.ts";
import { openFileLink, signFileLink } from "../../../services/conversations/chat-file-link.ts";
import { chatPerson } from "../../../services/conversations/chat-person.ts";
import type { Deps } from "../../../services/deps.ts";
import { fileNamePart } from "../../../services/documents/render/format.ts";
import { callUseCase } from "../../../services/registry.ts";
import { sendAttachment } from "../../http/routes/documents.ts";

/** billFileName's shape: the word in the bill's language, the account number, the month. */
const BILL_FILE = /^(rakhunok|schet|bill)-(.+)-(\d{4}-\d{2})\.pdf$/;
const LANG = { rakhunok: "uk", schet: "ru", bill: "en" } as const;

/** The address Viber fetches a bill from; null for a file that is no bill (it then goes as its caption). */
export function viberFileUrl(deps: Deps, bot: string): ViberFileUrl {
  return async (chatId, file) => {
    if (!deps.appUrl || !BILL_FILE.test(file.fileName)) return null;
    const token = await signFileLink(deps, { bot, chatId, fileName: file.fileName });
    return `${deps.appUrl}/webhooks/viber/files/${token}`;
  };
}

export function viberFileRoute(app: FastifyInstance, deps: Deps): void {
  // A wildcard, not a :param: the token is longer than the 100 characters Fastify allows a parameter.
  app.get<{ Params: { "*": string } }>(
    "/webhooks/viber/files/*",
    { schema: { hide: true } },
    async (request, reply) => {
      const missing = () => reply.code(404).send({ error: { code: "not_found" } });
      const link = await openFileLink(deps, request.params["*"]);
      const bill = link && BILL_FILE.exec(link.fileName);
      if (!link || !bill) return missing();
      const actor = await chatPerson(deps, { platform: "viber", bot: link.bot, chatId: link.chatId });
      if (!actor) return missing();
      const lang = LANG[bill[1] as keyof typeof LANG];
      const context = { actor, channel: "viber" as const, locale: lang };
      const accounts = await callUseCase(deps, "listMyAccounts", context, {});
      const account = accounts.find((a) => fileNamePart(a.number) === bill[2]);
      if (!account) return missing();
      const file = await callUseCase(deps, "downloadBill", context, {
        accountId: account.id,
        period: bill[3]!,
        lang,
      });
      return sendAttachment(reply, file);
    },
  );
}
