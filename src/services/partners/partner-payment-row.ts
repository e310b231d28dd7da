// A partner's payment row with its provider's code, read by the partner's txn id.
import type { Selectable } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { PartnerPaymentsTable } from "../../db/tables/partners.table.ts";

export type PartnerPayment = Selectable<PartnerPaymentsTable> & { provider_code: string };

export async function findPartnerPayment(
  db: Db | Tx,
  partnerId: number,
  txnId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerPayment | undefined> {
  let q = db
    .selectFrom("partner_payments as pp")
    .innerJoin("providers as p", "p.id", "pp.provider_id")
    .selectAll("pp")
    .select("p.code as provider_code")
    .where("pp.partner_id", "=", partnerId)
    .where("pp.txn_id", "=", txnId);
  if (options.forUpdate) q = q.forUpdate("pp");
  return q.executeTakeFirst();
}
