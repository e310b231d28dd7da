// Unpacks a model zip into an empty directory with yauzl, refusing any entry that would land outside it
// (zip-slip: "../", absolute paths, symbolic links). A zip whose entries all sit in one top folder
// (vosk-model-small-uk-v3-small/…) is unpacked without that folder.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

export class UnsafeZip extends Error {}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((ok, fail) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? fail(err) : ok(zip!))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((ok, fail) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => ok(entries));
    // yauzl itself refuses "../" and absolute names while reading the directory.
    zip.on("error", (e: Error) =>
      fail(/absolute path|invalid relative path/.test(e.message) ? new UnsafeZip(e.message) : e),
    );
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((ok, fail) => zip.openReadStream(entry, (err, s) => (err ? fail(err) : ok(s!))));
}

/** The one folder every entry sits in, or "" when there is none. */
function topFolder(names: string[]): string {
  const first = names[0]?.split("/")[0];
  if (!first) return "";
  const prefix = `${first}/`;
  return names.every((n) => n === prefix || n.startsWith(prefix)) ? prefix : "";
}

/** Unpacks into `target` (which must exist); returns the number of files written. */
export async function unzipModel(zipPath: string, target: string): Promise<number> {
  const zip = await openZip(zipPath);
  try {
    const entries = await listEntries(zip);
    const strip = topFolder(entries.map((e) => e.fileName));
    const root = resolve(target);
    let files = 0;
    for (const entry of entries) {
      const name = entry.fileName.slice(strip.length);
      if (!name) continue;
      const dest = resolve(root, name);
      const rel = relative(root, dest);
      if (rel.startsWith("..") || isAbsolute(rel) || name.includes("\\"))
        throw new UnsafeZip(`an entry points outside the model folder: ${entry.fileName}`);
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        throw new UnsafeZip(`a symbolic link in the zip: ${entry.fileName}`);
      if (name.endsWith("/")) {
        await mkdir(dest, { recursive: true });
        continue;
      }
      await mkdir(dirname(dest), { recursive: true });
      await pipeline(await openStream(zip, entry), createWriteStream(join(dest), { flags: "wx" }));
      files++;
    }
    return files;
  } finally {
    zip.close();
  }
}
