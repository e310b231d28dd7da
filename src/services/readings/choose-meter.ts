// Which meter a submission is for: the one named, or the only working meter of the named service (or of the
// account). The row is locked, so submissions for one meter queue up instead of racing.
import type { Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { AppError } from "../errors.ts";

export interface ChosenMeter {
  id: number;
  serial: string;
  service: ServiceCode;
  zones: number;
  digits: number;
  decimals: number;
  verificationDue: string | null;
  removedOn: string | null;
}

export async function chooseMeter(
  trx: Tx,
  where: {
    accountId: number;
    meterId?: number | undefined;
    service?: ServiceCode | undefined;
    today: LocalDate;
  },
): Promise<ChosenMeter> {
  let q = trx
    .selectFrom("meters")
    .select([
      "id",
      "serial",
      "service_code as service",
      "zones",
      "digits",
      "decimals",
      "verification_due as verificationDue",
      "removed_on as removedOn",
    ])
    .where("account_id", "=", where.accountId);
  if (where.meterId !== undefined) {
    q = q.where("id", "=", where.meterId);
  } else {
    if (where.service) q = q.where("service_code", "=", where.service);
    q = q.where((eb) => eb.or([eb("removed_on", "is", null), eb("removed_on", ">", where.today)]));
  }
  const rows = await q.orderBy("id").forUpdate().execute();
  if (rows.length === 0) throw new AppError("not_found");
  if (rows.length > 1) {
    throw new AppError(
      "meter_not_chosen",
      {},
      { meters: rows.map((m) => ({ id: m.id, serial: m.serial, service: m.service })) },
    );
  }
  return rows[0]!;
}
