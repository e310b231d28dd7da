// Prompts through the real espeak-ng (Debian package): rendered at the call's rate, cached in memory and on disk,
// one render for concurrent requests, and a clear error where espeak-ng is missing.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import pino from "pino";
import { durationMs } from "../../src/channels/voice/audio/pcm.ts";
import { encodeWav } from "../../src/gateways/speech/audio/wav.ts";
import { PromptCache } from "../../src/gateways/speech/prompt-cache.ts";
import { SpeechSynthesisError } from "../../src/gateways/speech/speech-errors.ts";
import {
  assertSynthesizer,
  createSpeechSynthesizer,
  loadRecordedPrompt,
} from "../../src/gateways/speech/speech-synthesizer.ts";

const logger = pino({ level: "silent" });
const rms = (xs: Int16Array) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / Math.max(1, xs.length));

describe("espeak-ng synthesizer", () => {
  const dir = mkdtempSync(join(tmpdir(), "abonent-tts-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // espeak-ng behind a wrapper that counts renders (calls other than --version).
  const renders = join(dir, "renders.log");
  const wrapper = join(dir, "espeak-counting");
  writeFileSync(
    wrapper,
    `#!/bin/sh\n[ "$1" = "--version" ] || echo render >> "${renders}"\nexec espeak-ng "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const renderCount = () => {
    try {
      return readFileSync(renders, "utf8").split("\n").filter(Boolean).length;
    } catch {
      return 0;
    }
  };

  test("assertSynthesizer: espeak-ng's version, or an error naming the Debian package", async () => {
    assert.match(await assertSynthesizer(), /eSpeak NG/);
    await assert.rejects(
      assertSynthesizer(join(dir, "no-such-espeak")),
      (e: unknown) => e instanceof SpeechSynthesisError && /Debian package espeak-ng/.test(e.message),
    );
  });

  test("speaks Ukrainian, Russian and English at 8 and 16 kHz", async () => {
    const tts = createSpeechSynthesizer({ cacheDir: null, logger });
    for (const [text, language] of [
      ["Добрий день! Назвіть номер особового рахунку.", "uk"],
      ["Добрый день! Назовите номер лицевого счёта.", "ru"],
      ["Good afternoon.", "en"],
    ] as const) {
      const narrow = await tts.speak(text, language, 8000);
      const wide = await tts.speak(text, language, 16000);
      assert.equal(narrow.rate, 8000);
      assert.equal(wide.rate, 16000);
      assert.ok(
        durationMs(narrow) > 500 && durationMs(narrow) < 8000,
        `${language}: ${durationMs(narrow)} ms`,
      );
      assert.ok(Math.abs(durationMs(narrow) - durationMs(wide)) < 1, "the same speech at either rate");
      assert.ok(rms(narrow.samples) > 300, `${language}: audible (rms ${rms(narrow.samples).toFixed(0)})`);
    }
  });

  test("text that looks like an option is spoken, not obeyed", async () => {
    const tts = createSpeechSynthesizer({ cacheDir: null, logger });
    const pcm = await tts.speak('--help "; rm -rf /', "en", 8000);
    assert.ok(durationMs(pcm) > 500);
  });

  test("rendered once: concurrent requests share a render, repeats come from memory, a restart from disk", async () => {
    const cacheDir = join(dir, "cache");
    const tts = createSpeechSynthesizer({ cacheDir, logger, espeakPath: wrapper });
    const before = renderCount();
    const text = "Показання прийнято. Дякуємо!";
    const five = await Promise.all(Array.from({ length: 5 }, () => tts.speak(text, "uk", 8000)));
    assert.equal(renderCount() - before, 1);
    assert.ok(five.every((p) => p === five[0]));
    assert.equal(await tts.speak(text, "uk", 8000), five[0]);
    assert.equal(renderCount() - before, 1);
    await tts.speak(text, "uk", 16000);
    assert.equal(renderCount() - before, 2, "another rate is another prompt");
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith(".wav")).length, 2);
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith(".partial")).length, 0);

    const restarted = createSpeechSynthesizer({ cacheDir, logger, espeakPath: wrapper });
    const again = await restarted.speak(text, "uk", 8000);
    assert.equal(renderCount() - before, 2, "read from disk, not rendered");
    assert.deepEqual(again.samples, five[0]!.samples);
  });

  test("memory is bounded: the least recently used prompt goes first", async () => {
    const cache = new PromptCache({ dir: null, maxBytes: 3 * 1600 });
    const pcm = () => Promise.resolve({ rate: 8000 as const, samples: new Int16Array(800) });
    for (const k of ["a", "b", "c"]) await cache.get(k, pcm);
    await cache.get("a", pcm); // a is now the most recent
    await cache.get("d", pcm);
    assert.equal(cache.size, 3);
    let rendered = false;
    await cache.get("b", () => {
      rendered = true;
      return pcm();
    });
    assert.ok(rendered, "b was evicted");
    rendered = false;
    await cache.get("a", () => {
      rendered = true;
      return pcm();
    });
    assert.ok(!rendered, "a stayed");
  });

  test("a provider's recorded prompt (stereo 44.1 kHz) comes out mono at the call's rate, same length", async () => {
    const path = join(dir, "greeting.wav");
    const mono = encodeWav({
      rate: 16000,
      samples: Int16Array.from({ length: 16000 }, (_, i) => (i % 40) * 500),
    });
    // Made stereo 44.1 kHz by hand: header fields patched, each sample doubled into both channels.
    const frames = 44100;
    const data = Buffer.alloc(frames * 4);
    for (let i = 0; i < frames; i++) {
      const v = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 44100));
      data.writeInt16LE(v, i * 4);
      data.writeInt16LE(v, i * 4 + 2);
    }
    const head = Buffer.from(mono.subarray(0, 44));
    head.writeUInt32LE(36 + data.length, 4);
    head.writeUInt16LE(2, 22);
    head.writeUInt32LE(44100, 24);
    head.writeUInt32LE(44100 * 4, 28);
    head.writeUInt16LE(4, 32);
    head.writeUInt32LE(data.length, 40);
    writeFileSync(path, Buffer.concat([head, data]));
    const pcm = await loadRecordedPrompt(path, 8000);
    assert.equal(pcm.rate, 8000);
    assert.equal(pcm.samples.length, 8000);
    assert.ok(Math.abs(rms(pcm.samples.subarray(1000, 7000)) - 8000 / Math.SQRT2) < 200);
  });
});
