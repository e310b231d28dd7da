// updatePartner: the platform administrator changes a partner's providers, limits, addresses, rate or protocol,
// or disables it (every key stops working at once) and enables it again.
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import {
  checkIpAllow,
  checkLimitOrder,
  checkProviderCodes,
  type PartnerSettings,
  settingsValues,
} from "./partner-settings.ts";

export async function updatePartner(
  deps: Deps,
  input: { code: string; name?: string; providers?: string[]; disabled?: boolean } & Partial<PartnerSettings>,
): Promise<void> {
  const now = deps.now();
  checkIpAllow(input.ipAllow);
  await deps.database.db.transaction().execute(async (trx) => {
    const partner = await trx
      .selectFrom("partners")
      .select(["id", "min_payment_kop", "max_payment_kop", "daily_limit_kop"])
      .where("code", "=", input.code)
      .forUpdate()
      .executeTakeFirst();
    if (!partner) throw new AppError("not_found");
    const min = input.minPaymentKop ?? partner.min_payment_kop;
    const max = input.maxPaymentKop ?? partner.max_payment_kop;
    const daily = input.dailyLimitKop ?? partner.daily_limit_kop;
    checkLimitOrder(min, max, daily);
    const values = {
      ...settingsValues(input),
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.disabled === undefined ? {} : { disabled_at: input.disabled ? now : null }),
    };
    if (Object.keys(values).length > 0)
      await trx.updateTable("partners").set(values).where("id", "=", partner.id).execute();
    if (input.providers !== undefined) {
      const ids = await checkProviderCodes(trx, input.providers);
      await trx.deleteFrom("partner_providers").where("partner_id", "=", partner.id).execute();
      if (ids.length > 0)
        await trx
          .insertInto("partner_providers")
          .values(ids.map((provider_id) => ({ partner_id: partner.id, provider_id })))
          .execute();
    }
  });
}
