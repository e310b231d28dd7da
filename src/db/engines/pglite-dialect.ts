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
    const release = driver.releaseConnection.bind(driver);
    const waitMs = this.waitMs;
    // Acquisitions not yet released, those queued included: only a query that must wait is watched.
    let outstanding = 0;
    driver.releaseConnection = (connection) => {
      outstanding--;
      return release(connection);
    };
    // The driver refuses only when PGlite is not open; that acquisition then holds nothing.
    const refused = (error: unknown): never => {
      outstanding--;
      throw error;
    };
    driver.acquireConnection = () => {
      if (outstanding++ === 0) return acquire().catch(refused);
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
        acquire()
          .catch(refused)
          .then(
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
