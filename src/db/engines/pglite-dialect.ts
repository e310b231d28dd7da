// PGlite is one session, so its Kysely driver hands out one connection at a time and queues the rest. A query
// sent outside an open transaction (on `db`, not the transaction's `trx`) from inside that transaction's work
// waits for the transaction, which waits for the query: nothing is left to run, and the process simply ends
// with the promise pending (a test is then "cancelled", with no word of where). Waiting longer than any real
// statement takes is therefore an error that names where the wait began.
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseConnection, Driver } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";

/** Longer than any one transaction of the embedded engine (a billing batch of the demo takes seconds). */
export const CONNECTION_WAIT_MS = 120_000;

export class WatchedPGliteDialect extends PGliteDialect {
  constructor(
    client: PGlite,
    private readonly waitMs = CONNECTION_WAIT_MS,
  ) {
    super(client);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    const waitMs = this.waitMs;
    // The driver's connection in use, if any: only a query that must wait is watched.
    const busy = () => (driver as unknown as { connection?: unknown }).connection !== undefined;
    driver.acquireConnection = () => {
      if (!busy()) return acquire();
      return new Promise<DatabaseConnection>((resolve, reject) => {
        const waitingFrom = new Error("the query waiting for the connection");
        let gaveUp = false;
        // A timer holds the process open while the query waits, so a deadlock ends in this error, not in silence.
        const timer = setTimeout(() => {
          gaveUp = true;
          reject(
            new Error(
              `The embedded database's one connection was held for ${waitMs / 1000} s by another transaction ` +
                "(a query sent outside a transaction from within it?)",
              { cause: waitingFrom },
            ),
          );
        }, waitMs);
        acquire().then(
          (connection) => {
            clearTimeout(timer);
            // Given up on: hand the connection straight on to whoever waits next.
            if (gaveUp) void driver.releaseConnection(connection);
            else resolve(connection);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
      });
    };
    return driver;
  }
}
