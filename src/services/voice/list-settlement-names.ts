// The settlements a voice call may name, with every name and alias the matcher compares
// (domain/voice/spoken-settlement.ts): all of them, or those where a provider serves anything.
import type { SettlementNames } from "../../domain/voice/spoken-settlement.ts";
import type { Deps } from "../deps.ts";

export async function listSettlementNames(deps: Deps, providerId?: number): Promise<SettlementNames[]> {
  let query = deps.database.db
    .selectFrom("settlements as s")
    .select(["s.id", "s.name_uk", "s.name_ru", "s.name_en", "s.spoken_aliases"])
    .orderBy("s.id");
  if (providerId !== undefined)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("provider_services as ps")
          .select("ps.settlement_id")
          .whereRef("ps.settlement_id", "=", "s.id")
          .where("ps.provider_id", "=", providerId),
      ),
    );
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, names: [r.name_uk, r.name_ru, r.name_en, ...r.spoken_aliases] }));
}
