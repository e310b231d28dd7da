#!/usr/bin/env node
// postinstall: puts Vosk's native library (libvosk.so) in vendor/vosk/ for the voice bot's in-process speech
// recognition. It comes from the npm package `vosk`, which cannot be a dependency (its ffi-napi install fails on
// Node 20): its tarball is fetched with `npm pack` and only the library is taken out. Never fails the install:
// without the library the Vosk engine reports no languages and the bot offers the keypad (docs/voice.md).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const VOSK_PACKAGE = "vosk@0.3.39";
const LIB_FOLDER = "package/lib/linux-x86_64";
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const vendor = join(root, "vendor", "vosk");
const say = (line) => console.log(`install-vosk: ${line}`);

/** npm itself: the one running this script when there is one, else whichever is on the PATH. */
function npm(args, cwd) {
  const cli = process.env.npm_execpath;
  const [cmd, argv] = cli?.endsWith(".js") ? [process.execPath, [cli, ...args]] : ["npm", args];
  return spawnSync(cmd, argv, { cwd, encoding: "utf8", timeout: 300_000 });
}

function install() {
  if (process.platform !== "linux" || process.arch !== "x64") {
    say(`no libvosk for ${process.platform}-${process.arch} here; Vosk speech recognition stays off`);
    return;
  }
  if (existsSync(join(vendor, "libvosk.so"))) return;
  const tmp = mkdtempSync(join(tmpdir(), "abonent-vosk-"));
  try {
    const pack = npm(["pack", VOSK_PACKAGE, "--silent", "--ignore-scripts", "--pack-destination", tmp], tmp);
    const tarball = pack.status === 0 ? readdirSync(tmp).find((f) => f.endsWith(".tgz")) : undefined;
    if (!tarball) {
      const why = (pack.stderr || pack.error?.message || "").trim().split("\n")[0];
      say(`could not fetch ${VOSK_PACKAGE}${why ? ` (${why})` : ""};`);
      say("Vosk speech recognition stays off until `npm install` runs again with the registry reachable");
      return;
    }
    const tar = spawnSync("tar", ["-xzf", join(tmp, tarball), "-C", tmp, LIB_FOLDER], { encoding: "utf8" });
    if (tar.status !== 0) {
      say(`could not unpack ${tarball}: ${(tar.stderr || tar.error?.message || "").trim()}`);
      return;
    }
    mkdirSync(vendor, { recursive: true });
    const libs = readdirSync(join(tmp, LIB_FOLDER)).filter((f) => /\.so(\.|$)/.test(f));
    for (const lib of libs) {
      // Copied beside its final name, then renamed: a half-written library is never loaded.
      const partial = join(vendor, `.${lib}.partial`);
      copyFileSync(join(tmp, LIB_FOLDER, lib), partial);
      renameSync(partial, join(vendor, lib));
    }
    say(`${libs.join(", ")} from ${VOSK_PACKAGE} → vendor/vosk/`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  install();
} catch (e) {
  say(`skipped: ${e instanceof Error ? e.message : e}`);
}
