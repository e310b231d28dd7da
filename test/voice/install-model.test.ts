// `abonent voice install-model` through the real CLI, with model zips the test builds: installed with the right
// SHA-256, refused (exit 7, nothing left behind, an older model untouched) with a wrong one, an unsafe zip or
// something that is not a Vosk model.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { BIN } from "../support/cli.ts";
import { buildZip, type ZipEntry } from "../support/zip.ts";

const work = mkdtempSync(join(tmpdir(), "abonent-install-model-"));
const modelDir = join(work, "models");

function abonent(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", VOICE_MODEL_DIR: modelDir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const fakeModel = (top: string, marker: string): ZipEntry[] => [
  { name: `${top}/` },
  { name: `${top}/am/` },
  { name: `${top}/am/final.mdl`, data: `acoustic model ${marker}` },
  { name: `${top}/conf/model.conf`, data: "--sample-frequency=16000" },
  { name: `${top}/graph/HCLr.fst`, data: "fst" },
  { name: `${top}/README`, data: marker },
];

function zipFile(name: string, entries: ZipEntry[]): { path: string; sha256: string } {
  const bytes = buildZip(entries);
  const path = join(work, name);
  writeFileSync(path, bytes);
  return { path, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Nothing temporary may stay beside the models after any run. */
const leftovers = () => (existsSync(modelDir) ? readdirSync(modelDir).filter((f) => f.startsWith(".")) : []);

describe("abonent voice install-model", () => {
  after(() => rmSync(work, { recursive: true, force: true }));

  test("--help names the options", async () => {
    const help = await abonent(["voice", "install-model", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--lang <lang>/);
    assert.match(help.stdout, /--sha256 <hex>/);
  });

  test("installs a model zip with the right --sha256, its top folder stripped", async () => {
    const zip = zipFile("uk-1.zip", fakeModel("vosk-model-small-uk-test", "first"));
    const run = await abonent([
      "voice",
      "install-model",
      "--lang",
      "uk",
      "--from",
      zip.path,
      "--sha256",
      zip.sha256.toUpperCase(),
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /installed the uk model/);
    assert.equal(readFileSync(join(modelDir, "uk", "am", "final.mdl"), "utf8"), "acoustic model first");
    assert.equal(readFileSync(join(modelDir, "uk", "README"), "utf8"), "first");
    assert.deepEqual(leftovers(), []);
  });

  test("a wrong --sha256 is refused with exit 7: nothing installed, the old model untouched", async () => {
    const zip = zipFile("uk-2.zip", fakeModel("m", "second"));
    const wrong = "0".repeat(64);
    const uk = await abonent([
      "voice",
      "install-model",
      "--lang",
      "uk",
      "--from",
      zip.path,
      "--sha256",
      wrong,
    ]);
    assert.equal(uk.code, 7);
    assert.match(uk.stderr, /SHA-256 mismatch/);
    assert.equal(readFileSync(join(modelDir, "uk", "README"), "utf8"), "first");
    const ru = await abonent([
      "voice",
      "install-model",
      "--lang",
      "ru",
      "--from",
      zip.path,
      "--sha256",
      wrong,
    ]);
    assert.equal(ru.code, 7);
    assert.ok(!existsSync(join(modelDir, "ru")));
    assert.deepEqual(leftovers(), []);
  });

  test("a zip-slip entry is refused: nothing written outside or inside", async () => {
    for (const [i, entries] of [
      [...fakeModel("m", "x"), { name: "../escaped.txt", data: "pwned" }],
      [...fakeModel("m", "x"), { name: "m/../../escaped.txt", data: "pwned" }],
      [...fakeModel("m", "x"), { name: "m/graph/link", data: "/etc/passwd", mode: 0o120777 }],
    ].entries()) {
      const zip = zipFile(`slip-${i}.zip`, entries);
      const run = await abonent([
        "voice",
        "install-model",
        "--lang",
        "ru",
        "--from",
        zip.path,
        "--sha256",
        zip.sha256,
      ]);
      assert.equal(run.code, 7, `case ${i}: ${run.stderr}`);
      assert.match(run.stderr, /unsafe zip/);
      assert.ok(!existsSync(join(modelDir, "ru")), `case ${i}`);
      assert.ok(!existsSync(join(work, "escaped.txt")) && !existsSync(join(modelDir, "escaped.txt")));
      assert.deepEqual(leftovers(), []);
    }
  });

  test("a zip that is not a Vosk model is refused", async () => {
    const zip = zipFile("not-a-model.zip", [{ name: "photos/cat.jpg", data: "meow" }]);
    const run = await abonent([
      "voice",
      "install-model",
      "--lang",
      "ru",
      "--from",
      zip.path,
      "--sha256",
      zip.sha256,
    ]);
    assert.equal(run.code, 7);
    assert.match(run.stderr, /not hold a Vosk model/);
    assert.ok(!existsSync(join(modelDir, "ru")));
  });

  test("without --sha256 for a source with no known checksum: a usage error (exit 2)", async () => {
    const zip = zipFile("uk-3.zip", fakeModel("m", "third"));
    const local = await abonent(["voice", "install-model", "--lang", "uk", "--from", zip.path]);
    assert.equal(local.code, 2);
    assert.match(local.stderr, /--sha256/);
    const official = await abonent(["voice", "install-model", "--lang", "ru"]);
    assert.equal(official.code, 2, "the official models' checksums are not known yet: no blind download");
    assert.match(official.stderr, /alphacephei\.com.*--sha256/);
    const bad = await abonent([
      "voice",
      "install-model",
      "--lang",
      "uk",
      "--from",
      zip.path,
      "--sha256",
      "abc",
    ]);
    assert.equal(bad.code, 2);
  });

  test("from a URL: downloaded, checked, and it replaces the model that was there", async () => {
    const zip = zipFile("uk-4.zip", fakeModel("vosk-model-small-uk-next", "fourth"));
    const server = createServer((req, res) => {
      if (req.url !== "/uk.zip") return res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/zip" }).end(readFileSync(zip.path));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await abonent([
        "voice",
        "install-model",
        "--lang",
        "uk",
        "--from",
        `${url}/uk.zip`,
        "--sha256",
        zip.sha256,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(readFileSync(join(modelDir, "uk", "README"), "utf8"), "fourth");
      const missing = await abonent([
        "voice",
        "install-model",
        "--lang",
        "uk",
        "--from",
        `${url}/gone.zip`,
        "--sha256",
        zip.sha256,
      ]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /HTTP 404/);
      assert.equal(readFileSync(join(modelDir, "uk", "README"), "utf8"), "fourth");
      assert.deepEqual(leftovers(), []);
    } finally {
      server.close();
    }
  });
});
