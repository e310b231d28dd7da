// Whose payment a registry line is, from what the line says: the provider its EDRPOU and IBAN name (checked against
// the provider the source or the upload is bound to), the service it names (which that provider must supply), and
// the key its account number is looked up by at that provider. Everything here is read once per import, before the
// file streams: providers and services are few.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { paddedAccountKey, zeroPaddedWidth } from "../../domain/account-number.ts";
import type { RegistryPayment } from "../../domain/registry/read-registry-line.ts";
import type { LineReason } from "./line-reasons.ts";

interface ProviderRow {
  id: number;
  code: string;
  edrpou: string;
  iban: string;
}

export type Recipient =
  | { ok: true; providerId: number; service: ServiceCode | null; accountKey: string }
  | { ok: false; providerId: number | null; reason: LineReason; params: Record<string, string> };

const serviceKey = (text: string) =>
  text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("uk");

export class RegistryRecipients {
  private constructor(
    private readonly providers: ProviderRow[],
    /** A service by its code or its name in any language, as a bank line may write it. */
    private readonly services: Map<string, ServiceCode>,
    private readonly supplied: Map<number, Set<ServiceCode>>,
    /** Providers whose account numbers are all zero-padded digits of one width. */
    private readonly widths: Map<number, number>,
    /** The provider the source or the upload is bound to. */
    private readonly fixed: number | null,
  ) {}

  static async load(trx: Tx, fixed: number | null): Promise<RegistryRecipients> {
    const providers = await trx.selectFrom("providers").select(["id", "code", "edrpou", "iban"]).execute();
    const services = new Map<string, ServiceCode>();
    const rows = await trx.selectFrom("services").select(["code", "name_uk", "name_ru", "name_en"]).execute();
    for (const r of rows)
      for (const name of [r.code, r.name_uk, r.name_ru, r.name_en]) services.set(serviceKey(name), r.code);
    const supplied = new Map<number, Set<ServiceCode>>();
    const pairs = await trx
      .selectFrom("provider_services")
      .select(["provider_id", "service_code"])
      .distinct()
      .execute();
    for (const p of pairs) {
      const set = supplied.get(p.provider_id) ?? new Set<ServiceCode>();
      set.add(p.service_code);
      supplied.set(p.provider_id, set);
    }
    // One pass over the numbers' key (account_numbers); a provider's width is known only when every number fits it.
    const { rows: shapes } = await sql<{
      provider_id: number;
      count: number;
      min_length: number;
      max_length: number;
      all_digits: boolean;
    }>`
      select provider_id, count(*)::int as count, min(length(number_normalized)) as min_length,
             max(length(number_normalized)) as max_length, bool_and(number_normalized ~ '^[0-9]+$') as all_digits
      from account_numbers group by provider_id`.execute(trx);
    const widths = new Map<number, number>();
    for (const s of shapes) {
      const width = zeroPaddedWidth({
        count: s.count,
        minLength: s.min_length,
        maxLength: s.max_length,
        allDigits: s.all_digits,
      });
      if (width !== null) widths.set(s.provider_id, width);
    }
    return new RegistryRecipients(providers, services, supplied, widths, fixed);
  }

  codeOf(providerId: number): string {
    return this.providers.find((p) => p.id === providerId)?.code ?? String(providerId);
  }

  /** The provider, the service and the account key of a line that reads well, or why it belongs to no one. */
  of(p: RegistryPayment): Recipient {
    const who = this.provider(p);
    if ("reason" in who) return { ok: false, providerId: null, ...who };
    const { providerId } = who;
    let service: ServiceCode | null = null;
    if (p.service !== null) {
      const code = this.services.get(serviceKey(p.service));
      if (code === undefined)
        return { ok: false, providerId, reason: "service_unknown", params: { value: p.service } };
      if (!this.supplied.get(providerId)?.has(code))
        return {
          ok: false,
          providerId,
          reason: "service_not_supplied",
          params: { value: p.service, provider: this.codeOf(providerId) },
        };
      service = code;
    }
    const accountKey = paddedAccountKey(p.accountKey, this.widths.get(providerId) ?? null);
    return { ok: true, providerId, service, accountKey };
  }

  /**
   * The provider the line's EDRPOU and IBAN name (both, when both are given), checked against the provider the
   * source or the upload is bound to; or that provider when the line names none.
   */
  private provider(
    p: RegistryPayment,
  ): { providerId: number } | { reason: LineReason; params: Record<string, string> } {
    let named: ProviderRow[] | null = null;
    if (p.edrpou !== null) {
      named = this.providers.filter((r) => r.edrpou === p.edrpou);
      if (named.length === 0) return { reason: "provider_unknown", params: { value: p.edrpou } };
    }
    if (p.iban !== null) {
      const byIban = this.providers.filter((r) => r.iban === p.iban);
      if (byIban.length === 0) return { reason: "provider_unknown", params: { value: p.iban } };
      const both = named === null ? byIban : named.filter((r) => byIban.includes(r));
      if (both.length === 0)
        return { reason: "provider_conflict", params: { edrpou: p.edrpou!, iban: p.iban } };
      named = both;
    }
    const fixed = this.fixed;
    if (fixed !== null) {
      if (named !== null && !named.some((r) => r.id === fixed)) {
        return {
          reason: "provider_other",
          params: { lineProvider: named.map((r) => r.code).join(", "), provider: this.codeOf(fixed) },
        };
      }
      return { providerId: fixed };
    }
    if (named === null) return { reason: "provider_missing", params: {} };
    if (named.length > 1)
      return {
        reason: "provider_ambiguous",
        params: { value: p.iban ?? p.edrpou ?? "", providers: named.map((r) => r.code).join(", ") },
      };
    return { providerId: named[0]!.id };
  }
}
