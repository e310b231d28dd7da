// The one line a person who ran `npm start` reads: where the product answers and, with the demo region loaded,
// whom to sign in as.
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../demo/region.ts";

export function readyLine(address: AddressInfo | string | null, demoRegion: boolean): string {
  const where = `Abonent is ready at ${url(address)}`;
  if (!demoRegion) return where;
  const { resident, operator, administrator, platformAdmin } = DEMO_PEOPLE;
  return (
    `${where} — sign in as ${resident.email} / ${DEMO_PASSWORD} ` +
    `(also ${operator.email}, ${administrator.email}, ${platformAdmin.email})`
  );
}

function url(address: AddressInfo | string | null): string {
  if (address === null) return "(no address)";
  if (typeof address === "string") return address; // a Unix socket or pipe
  // Listening on every interface: this machine reaches it as localhost.
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
