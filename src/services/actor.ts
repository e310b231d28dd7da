// Who is asking: a resident (reaches only the accounts linked to them), a provider's staff member (only that
// provider's accounts), or a platform administrator (every provider). Every service takes one.
import type { Locale } from "../i18n/locale.ts";

export type Actor =
  | { kind: "resident"; userId: number; locale: Locale }
  | { kind: "staff"; userId: number; role: "operator" | "administrator"; providerId: number; locale: Locale }
  | { kind: "platform_admin"; userId: number; locale: Locale };
