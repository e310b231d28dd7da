#!/usr/bin/env node
// Finds every *.test.ts under src/ and test/ and runs them with node's own test runner.
// Usage: npm test [-- path-fragment ...] to run only files whose path contains a fragment.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = ["src", "test"]
  .flatMap((d) => find(d))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-timeout=900000",
    // TAP as the run goes, then a list of whatever failed or was cancelled, last, where CI's tail shows it.
    "--test-reporter=tap",
    "--test-reporter-destination=stdout",
    `--test-reporter=${fileURLToPath(new URL("./failures-reporter.js", import.meta.url))}`,
    "--test-reporter-destination=stdout",
    ...files,
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
