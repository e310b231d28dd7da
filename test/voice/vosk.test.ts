// The Vosk adapter as far as it can run here: no model weights can be downloaded in this workplace, so real
// speech is never recognised. What is checked: the project's own install put libvosk.so where the adapter finds
// it and koffi loads it; a missing, empty or unloadable model leaves the language out with a log line that says
// what to do; results are read into text and confidence.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import pino from "pino";
import { SpeechRecognitionError } from "../../src/gateways/speech/speech-errors.ts";
import { createSpeechRecognizer } from "../../src/gateways/speech/speech-recognizer.ts";
import { loadLibVosk, voskLibraryPath } from "../../src/gateways/speech/vosk/libvosk.ts";
import { createVoskRecognizer, readVoskResult } from "../../src/gateways/speech/vosk/vosk-recognizer.ts";

const linuxX64 = process.platform === "linux" && process.arch === "x64";

function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe("vosk", () => {
  const modelDir = mkdtempSync(join(tmpdir(), "abonent-vosk-models-"));
  after(() => rmSync(modelDir, { recursive: true, force: true }));

  test("npm install put libvosk.so in vendor/vosk, and koffi loads it", { skip: !linuxX64 }, () => {
    const path = voskLibraryPath({});
    assert.match(path, /vendor\/vosk\/libvosk\.so$/);
    assert.ok(
      existsSync(path),
      `${path} is missing: scripts/install-vosk.js (postinstall) did not run or failed`,
    );
    const lib = loadLibVosk(path);
    assert.equal(typeof lib.modelNew, "function");
    assert.equal(loadLibVosk(path), lib, "loaded once per path");
  });

  test("VOSK_LIBRARY overrides the library's place", () => {
    assert.equal(voskLibraryPath({ VOSK_LIBRARY: " /opt/vosk/libvosk.so " }), "/opt/vosk/libvosk.so");
  });

  test("no model directories: no languages, and a log line naming the install command", {
    skip: !linuxX64,
  }, async () => {
    const { logger, lines } = capturedLogger();
    const asr = await createSpeechRecognizer({ engine: "vosk", modelDir, logger });
    assert.equal(asr.engine, "vosk");
    assert.deepEqual(asr.languages, []);
    const messages = lines.map((l) => l.msg).join("\n");
    assert.match(messages, /no uk model at .*abonent voice install-model --lang uk/);
    assert.match(messages, /no ru model at .*--lang ru/);
    await assert.rejects(
      asr.recognize({
        audio: { rate: 8000, samples: new Int16Array(800) },
        language: "uk",
        phrases: [],
        callId: "c",
      }),
      (e: unknown) => e instanceof SpeechRecognitionError && e.failure === "unsupported-language",
    );
    await asr.close();
  });

  test("a model directory without model files is reported as damaged and left out", {
    skip: !linuxX64,
  }, async () => {
    mkdirSync(join(modelDir, "ru"), { recursive: true });
    const { logger, lines } = capturedLogger();
    const asr = await createVoskRecognizer({ modelDir, logger });
    assert.deepEqual(asr.languages, []);
    const error = lines.find((l) => l.level === 50);
    assert.match(error?.msg ?? "", /the ru model at .* did not load/);
  });

  test("a missing library: no languages, one warning, no crash", async () => {
    const { logger, lines } = capturedLogger();
    const asr = await createVoskRecognizer({
      modelDir,
      logger,
      libraryPath: join(modelDir, "nope", "libvosk.so"),
    });
    assert.deepEqual(asr.languages, []);
    assert.match(lines.map((l) => l.msg).join("\n"), /library did not load/);
  });

  test("a result's text leaves out [unk]; confidence is the mean of the words' confidence", () => {
    const read = readVoskResult({
      text: "[unk] оплатити рахунок",
      result: [
        { word: "[unk]", conf: 0.2 },
        { word: "оплатити", conf: 0.9 },
        { word: "рахунок", conf: 0.7 },
      ],
    });
    assert.equal(read.text, "оплатити рахунок");
    assert.ok(Math.abs(read.confidence! - 0.8) < 1e-9);
    assert.deepEqual(readVoskResult({ text: "" }), { text: "", confidence: null });
  });
});
