// `npm install` on the Node versions package.json admits is silent about engines: every package in the lock file
// supports every Node version that "engines" allows, and the one running this test. (cookie 2 wants Node 22; the
// lock pins cookie 1.1, whose stringifySetCookie is the one light-my-request calls, through "overrides".)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import Fastify from "fastify";
import semver from "semver";

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));

test("every locked package supports the Node versions package.json admits", () => {
  const admitted: string = read("package.json").engines.node;
  const lock = read("package-lock.json") as {
    packages: Record<string, { version?: string; engines?: { node?: string } }>;
  };
  assert.equal(lock.packages[""]?.engines?.node, admitted, "the lock file's engines match package.json's");
  const misfits = Object.entries(lock.packages)
    .filter(([path, p]) => path !== "" && typeof p.engines?.node === "string")
    .filter(
      ([, p]) =>
        !semver.subset(admitted, p.engines!.node!) || !semver.satisfies(process.version, p.engines!.node!),
    )
    .map(([path, p]) => `${path}@${p.version} wants node ${p.engines!.node}`);
  assert.deepEqual(misfits, [], `package.json admits node ${admitted}`);
});

test("app.inject still sends cookies (light-my-request on the pinned cookie)", async () => {
  const app = Fastify();
  app.get("/", async (request) => ({ cookie: request.headers.cookie }));
  const res = await app.inject({ url: "/", cookies: { session: "a b", lang: "uk" } });
  assert.deepEqual(res.json(), { cookie: "session=a%20b; lang=uk" });
  await app.close();
});
