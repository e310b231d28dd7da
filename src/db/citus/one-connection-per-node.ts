// Citus runs a transaction's multi-shard statements over several connections per node, unless a table it writes
// has a foreign key to a reference or coordinator table: then every statement of the transaction must go over one
// connection per node, and a transaction that began in parallel is refused ("cannot modify table … because there
// was a parallel operation"). Transactions that write such tables after multi-shard work (the demo's batches) say
// so first. Elsewhere (no citus loaded) this does nothing.
import { sql } from "kysely";
import type { Tx } from "../database.ts";

export async function oneConnectionPerNode(trx: Tx): Promise<void> {
  await sql`select set_config('citus.multi_shard_modify_mode', 'sequential', true)
    where current_setting('citus.multi_shard_modify_mode', true) is not null`.execute(trx);
}
