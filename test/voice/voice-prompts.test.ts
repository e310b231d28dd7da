// A provider's own recording stands in for a prompt without variable parts; every other prompt is synthesised.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import pino from "pino";
import { VoicePrompts } from "../../src/channels/voice/voice-prompts.ts";
import { encodeWav } from "../../src/gateways/speech/audio/wav.ts";
import { createSpeechSynthesizer } from "../../src/gateways/speech/speech-synthesizer.ts";

const dir = mkdtempSync(join(tmpdir(), "abonent-prompts-"));
after(() => rmSync(dir, { recursive: true, force: true }));

it("uses <dir>/<provider>/<prompt>.<lang>.wav where it exists, at the call's rate", async () => {
  mkdirSync(join(dir, "deu"));
  // One second of a 440 Hz tone at 16 kHz, as a provider's studio might deliver it.
  const tone = new Int16Array(16000).map((_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16000)),
  );
  writeFileSync(join(dir, "deu", "goodbye.uk.wav"), encodeWav({ rate: 16000, samples: tone }));
  const logger = pino({ level: "silent" });
  const prompts = new VoicePrompts(createSpeechSynthesizer({ cacheDir: null, logger }), dir, logger);
  const line = { key: "goodbye", text: "Дякуємо! До побачення.", locale: "uk", fixed: true } as const;
  const [recorded, spoken, otherProvider, withParams] = await Promise.all([
    prompts.render([line], 8000, "deu").then((p) => p[0]!),
    prompts
      .render([{ ...line, locale: "ru", text: "Спасибо! До свидания." }], 8000, "deu")
      .then((p) => p[0]!),
    prompts.render([line], 8000, "water").then((p) => p[0]!),
    prompts.render([{ ...line, fixed: false }], 8000, "deu").then((p) => p[0]!),
  ]);
  assert.equal(recorded.rate, 8000);
  assert.equal(recorded.samples.length, 8000, "the recording, resampled to 8 kHz");
  for (const synthesised of [spoken, otherProvider, withParams])
    assert.notEqual(synthesised.samples.length, 8000, "synthesised, not the recording");
});
