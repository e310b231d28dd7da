// Who is asking: a resident (reaches only the accounts linked to them), a provider's staff member (only that
// provider's accounts), a platform administrator (every provider), or a partner (the providers granted to it). Every service takes one.
import type { Locale } from "../i18n/locale.ts";

export type Actor =
  | { kind: "resident"; userId: number; locale: Locale }
  | { kind: "staff"; userId: number; role: "operator" | "administrator"; providerId: number; locale: Locale }
  | { kind: "platform_admin"; userId: number; locale: Locale }
  /**
   * A bank, terminal network or aggregator whose request was signed with its key (services/partners): it reaches
   * the accounts of the providers granted to it, through its own use cases only. userId is its own robot user.
   */
  | { kind: "partner"; partnerId: number; userId: number; providerIds: number[]; locale: Locale };
