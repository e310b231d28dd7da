// `abonent voice install-model`: a Vosk model zip, from a URL or a local file, checked against its SHA-256,
// unpacked beside the model directory and only then swapped in for `${modelDir}/${language}`, so a failed or
// refused install leaves the model that was there (or nothing) untouched.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SpeechLanguage } from "../speech-recognizer.ts";
import { knownSha256, OFFICIAL_MODELS } from "./official-models.ts";
import { UnsafeZip, unzipModel } from "./unzip-model.ts";

export type RefusalReason = "checksum" | "unsafe-zip" | "not-a-model";

/** The zip was fetched but is not installed: the wrong checksum, an unsafe zip, or not a Vosk model. */
export class ModelRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** A mistake in what was asked (no checksum to check against, a malformed one). */
export class ModelRequestError extends Error {}

export interface InstallModelOptions {
  language: SpeechLanguage;
  /** A URL (http/https) or a local zip; default: the official small model. */
  from?: string | undefined;
  sha256?: string | undefined;
  modelDir: string;
  fetch?: typeof fetch;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Streams a download to `dest`, hashing on the way; returns its SHA-256. */
async function download(url: string, dest: string, doFetch: typeof fetch): Promise<string> {
  const response = await doFetch(url);
  if (!response.ok || !response.body) throw new Error(`download of ${url} failed: HTTP ${response.status}`);
  const hash = createHash("sha256");
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    hashing(hash),
    createWriteStream(dest),
  );
  return hash.digest("hex");
}

const isDir = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;

/** Vosk's model layouts: am/, conf/ and graph/ (the current ones), or an older model's final.mdl at the top. */
async function looksLikeVoskModel(dir: string): Promise<boolean> {
  if (existsSync(join(dir, "final.mdl"))) return true;
  return (
    (await isDir(join(dir, "am"))) && (await isDir(join(dir, "conf"))) && (await isDir(join(dir, "graph")))
  );
}

export async function installVoskModel(
  options: InstallModelOptions,
): Promise<{ dir: string; sha256: string; files: number }> {
  const source = options.from ?? OFFICIAL_MODELS[options.language].url;
  const expected = (options.sha256 ?? knownSha256(source))?.toLowerCase();
  if (!expected)
    throw new ModelRequestError(
      `no known SHA-256 for ${source}: pass --sha256 with the zip's checksum (docs/voice.md says where to get it)`,
    );
  if (!/^[0-9a-f]{64}$/.test(expected))
    throw new ModelRequestError("--sha256: expected 64 hexadecimal digits");

  await mkdir(options.modelDir, { recursive: true });
  const tag = `${options.language}-${randomBytes(4).toString("hex")}`;
  // Everything temporary sits beside the target, on the same file system, so the final rename is atomic.
  const downloaded = join(options.modelDir, `.download-${tag}.zip`);
  const unpacked = join(options.modelDir, `.unpack-${tag}`);
  const previous = join(options.modelDir, `.previous-${tag}`);
  const target = join(options.modelDir, options.language);
  try {
    let zipPath: string;
    let actual: string;
    if (isUrl(source)) {
      actual = await download(source, downloaded, options.fetch ?? fetch);
      zipPath = downloaded;
    } else {
      if (!existsSync(source)) throw new ModelRequestError(`--from: no such file ${source}`);
      actual = await sha256OfFile(source);
      zipPath = source;
    }
    if (actual !== expected)
      throw new ModelRefused("checksum", `SHA-256 mismatch: expected ${expected}, the zip has ${actual}`);

    await mkdir(unpacked);
    let files: number;
    try {
      files = await unzipModel(zipPath, unpacked);
    } catch (e) {
      if (e instanceof UnsafeZip) throw new ModelRefused("unsafe-zip", `unsafe zip: ${e.message}`);
      throw e;
    }
    if (!(await looksLikeVoskModel(unpacked)))
      throw new ModelRefused(
        "not-a-model",
        "the zip does not hold a Vosk model (no am/, conf/ and graph/, no final.mdl)",
      );

    const hadModel = existsSync(target);
    if (hadModel) await rename(target, previous);
    try {
      await rename(unpacked, target);
    } catch (e) {
      if (hadModel) await rename(previous, target);
      throw e;
    }
    await rm(previous, { recursive: true, force: true });
    return { dir: target, sha256: actual, files };
  } finally {
    await rm(downloaded, { force: true });
    await rm(unpacked, { recursive: true, force: true });
  }
}
