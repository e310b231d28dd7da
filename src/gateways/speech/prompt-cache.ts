// Rendered prompts, kept so each is synthesised once: in memory (bounded, least recently used out first) and as
// WAV files under a directory that outlives the process. Callers asking for the same prompt while it renders
// share the one render. The Pcm handed out is shared: callers must not write into its samples.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Pcm } from "../../channels/voice/audio/pcm.ts";
import { decodeWav, encodeWav } from "./audio/wav.ts";

export interface PromptCacheOptions {
  /** null: memory only. */
  dir: string | null;
  /** Memory bound in bytes of samples (default 64 MiB: about 70 minutes of 8 kHz audio). */
  maxBytes?: number;
}

export class PromptCache {
  private readonly memory = new Map<string, Pcm>();
  private readonly rendering = new Map<string, Promise<Pcm>>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(private readonly options: PromptCacheOptions) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.memory.size;
  }

  async get(key: string, render: () => Promise<Pcm>): Promise<Pcm> {
    const hit = this.memory.get(key);
    if (hit) {
      this.memory.delete(key); // re-inserted: the most recently used is last
      this.memory.set(key, hit);
      return hit;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const job = this.load(key, render).finally(() => this.rendering.delete(key));
    this.rendering.set(key, job);
    return job;
  }

  private async load(key: string, render: () => Promise<Pcm>): Promise<Pcm> {
    const file = this.options.dir ? join(this.options.dir, `${key}.wav`) : null;
    let pcm = file ? await this.readDisk(file) : null;
    if (!pcm) {
      pcm = await render();
      if (file) await this.writeDisk(file, pcm);
    }
    this.remember(key, pcm);
    return pcm;
  }

  private async readDisk(file: string): Promise<Pcm | null> {
    try {
      const { rate, samples } = decodeWav(await readFile(file));
      return rate === 8000 || rate === 16000 ? { rate, samples } : null;
    } catch {
      return null; // missing or unreadable: render again
    }
  }

  private async writeDisk(file: string, pcm: Pcm): Promise<void> {
    await mkdir(this.options.dir!, { recursive: true });
    // Written beside, then renamed: another process never reads half a file.
    const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, encodeWav(pcm));
    await rename(partial, file);
  }

  private remember(key: string, pcm: Pcm): void {
    this.memory.set(key, pcm);
    this.bytes += pcm.samples.byteLength;
    for (const [oldKey, old] of this.memory) {
      if (this.bytes <= this.maxBytes || oldKey === key) break;
      this.memory.delete(oldKey);
      this.bytes -= old.samples.byteLength;
    }
  }
}
