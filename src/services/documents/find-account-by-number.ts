// An account named the way a provider prints it ("10-000123/4"), at a provider named by code or id: the command
// line's way in to the documents. Numbers compare normalised (account-number.ts), so "10 000123 4" finds it too.
import { normalizeAccountNumber } from "../../domain/account-number.ts";
import { accountIdByNumber } from "../accounts/account-by-number.ts";
import { findProvider, type ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";

/** The account's id, or null when the provider or the number is unknown (`provider` null: no such provider). */
export async function findAccountByNumber(
  deps: Deps,
  options: { provider: string; number: string },
): Promise<{ provider: ProviderRef | null; accountId: number | null }> {
  const provider = await findProvider(deps, options.provider);
  if (!provider) return { provider: null, accountId: null };
  const normalized = normalizeAccountNumber(options.number);
  if (normalized === "") return { provider, accountId: null };
  return { provider, accountId: await accountIdByNumber(deps.database.db, provider.id, normalized) };
}
