// Viber fetches a document from a URL instead of taking its bytes, so a bill sent into a Viber chat goes as a
// short-lived signed address naming the chat and the file; fetching it makes the bill again as the chat's person
// (who may have unlinked the account since). The signature is an HMAC under the server's code pepper, scoped to
// this use, so nobody can name another chat or file, and the link stops working after an hour.
import type { Deps } from "../deps.ts";
import { hashCode, sameHash } from "../identity/code-secret.ts";

export const FILE_LINK_TTL_SECONDS = 60 * 60;
const SCOPE = "chat_file";

export interface FileLink {
  bot: string;
  chatId: string;
  fileName: string;
}

export async function signFileLink(deps: Deps, link: FileLink): Promise<string> {
  const expires = Math.floor(deps.now().getTime() / 1000) + FILE_LINK_TTL_SECONDS;
  const body = Buffer.from(
    JSON.stringify({ b: link.bot, c: link.chatId, f: link.fileName, e: expires }),
  ).toString("base64url");
  return `${body}.${await hashCode(deps, SCOPE, body)}`;
}

/** The link's chat and file; null when the token is forged, damaged or expired. */
export async function openFileLink(deps: Deps, token: string): Promise<FileLink | null> {
  const [body, mac, ...rest] = token.split(".");
  if (!body || !mac || rest.length > 0 || token.length > 2000) return null;
  if (!sameHash(await hashCode(deps, SCOPE, body), mac)) return null;
  try {
    const v = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof v["b"] !== "string" || typeof v["c"] !== "string" || typeof v["f"] !== "string") return null;
    if (typeof v["e"] !== "number" || v["e"] * 1000 < deps.now().getTime()) return null;
    return { bot: v["b"], chatId: v["c"], fileName: v["f"] };
  } catch {
    return null;
  }
}
