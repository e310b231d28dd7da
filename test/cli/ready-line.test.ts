// The ready line names an address a person can open: a server listening on every interface is at localhost.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readyLine } from "../../src/cli/ready-line.ts";

test("the ready line turns a wildcard address into localhost and brackets IPv6", () => {
  assert.equal(
    readyLine({ address: "0.0.0.0", family: "IPv4", port: 3000 }, false),
    "Abonent is ready at http://localhost:3000",
  );
  assert.equal(
    readyLine({ address: "::", family: "IPv6", port: 8080 }, false),
    "Abonent is ready at http://localhost:8080",
  );
  assert.equal(
    readyLine({ address: "::1", family: "IPv6", port: 3000 }, false),
    "Abonent is ready at http://[::1]:3000",
  );
  assert.match(
    readyLine({ address: "0.0.0.0", family: "IPv4", port: 3000 }, true),
    /^Abonent is ready at http:\/\/localhost:3000 — sign in as resident@demo\.abonent\.ua \/ demo-password-2019 \(also /,
  );
});
