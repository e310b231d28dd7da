// A partner's payment row with the provider's code and the account's number, read by the partner's txn id.
import type { Selectable } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { PartnerPaymentsTable } from "../../db/tables/partners.table.ts";

export type PartnerPayment = Selectable<PartnerPaymentsTable> & {
  provider_code: string;
  account_number: string;
};

export async function findPartnerPayment(
  db: Db | Tx,
  partnerId: number,
  txnId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerPayment | undefined> {
  let q = db
    .selectFrom("partner_payments as pp")
    .selectAll("pp")
    .where("pp.partner_id", "=", partnerId)
    .where("pp.txn_id", "=", txnId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  // Read apart: a row lock cannot take a join to a reference table on Citus, and these never change.
  const [provider, account] = await Promise.all([
    db.selectFrom("providers").select("code").where("id", "=", row.provider_id).executeTakeFirstOrThrow(),
    db.selectFrom("accounts").select("number").where("id", "=", row.account_id).executeTakeFirstOrThrow(),
  ]);
  return { ...row, provider_code: provider.code, account_number: account.number };
}
