// Vosk's C API (libvosk.so, put in vendor/vosk/ by scripts/install-vosk.js) through koffi. The npm package
// vosk-koffi wraps the same calls, but it loads the library from its own folder the moment it is imported and
// its install script downloads a build from GitHub, which an offline install cannot reach: so the dozen
// declarations it would give are written here, against the library this project installs itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import koffi from "koffi";

/** The library's place unless VOSK_LIBRARY names another (a system-wide install, another platform's build). */
export function voskLibraryPath(env: Record<string, string | undefined> = process.env): string {
  return (
    env["VOSK_LIBRARY"]?.trim() ||
    fileURLToPath(new URL("../../../../vendor/vosk/libvosk.so", import.meta.url))
  );
}

/** Opaque pointers the library hands out; only ever passed back to it. */
export type VoskHandle = unknown;

export interface LibVosk {
  path: string;
  setLogLevel(level: number): void;
  /** Loading a model reads hundreds of megabytes: done on koffi's worker thread, not the event loop. */
  modelNew(dir: string): Promise<VoskHandle | null>;
  modelFree(model: VoskHandle): void;
  recognizerNew(model: VoskHandle, rate: number, grammar: string | null): VoskHandle | null;
  setWords(recognizer: VoskHandle, on: boolean): void;
  acceptWaveform(recognizer: VoskHandle, pcm16: Buffer): Promise<number>;
  finalResult(recognizer: VoskHandle): Promise<string>;
  recognizerFree(recognizer: VoskHandle): void;
}

// koffi's async call: the C function runs on a worker thread and calls back on the event loop.
type AsyncFn = { async: (...args: unknown[]) => void };
const onWorker = <T>(fn: AsyncFn, ...args: unknown[]): Promise<T> =>
  new Promise((resolve, reject) =>
    fn.async(...args, (err: unknown, res: T) => (err ? reject(err) : resolve(res))),
  );

const loaded = new Map<string, LibVosk>();
let types: { model: koffi.IKoffiCType; recognizer: koffi.IKoffiCType } | undefined;

/** Loads the library once per path; throws (with the path in the message) when it is missing or unloadable. */
export function loadLibVosk(path = voskLibraryPath()): LibVosk {
  const known = loaded.get(path);
  if (known) return known;
  if (!existsSync(path))
    throw new Error(`libvosk not found at ${path} (run npm install, or set VOSK_LIBRARY)`);
  const lib = koffi.load(path);
  types ??= {
    model: koffi.pointer(koffi.opaque("VoskModel")),
    recognizer: koffi.pointer(koffi.opaque("VoskRecognizer")),
  };
  const { model: M, recognizer: R } = types;
  const fn = {
    setLogLevel: lib.func("vosk_set_log_level", "void", ["int"]),
    modelNew: lib.func("vosk_model_new", M, ["str"]),
    modelFree: lib.func("vosk_model_free", "void", [M]),
    recognizerNew: lib.func("vosk_recognizer_new", R, [M, "float"]),
    recognizerNewGrm: lib.func("vosk_recognizer_new_grm", R, [M, "float", "str"]),
    setWords: lib.func("vosk_recognizer_set_words", "void", [R, "int"]),
    acceptWaveform: lib.func("vosk_recognizer_accept_waveform", "int", [R, "void *", "int"]),
    finalResult: lib.func("vosk_recognizer_final_result", "str", [R]),
    recognizerFree: lib.func("vosk_recognizer_free", "void", [R]),
  };
  const api: LibVosk = {
    path,
    setLogLevel: (level) => fn.setLogLevel(level),
    modelNew: (dir) => onWorker(fn.modelNew, dir),
    modelFree: (model) => fn.modelFree(model),
    recognizerNew: (model, rate, grammar) =>
      grammar === null ? fn.recognizerNew(model, rate) : fn.recognizerNewGrm(model, rate, grammar),
    setWords: (recognizer, on) => fn.setWords(recognizer, on ? 1 : 0),
    acceptWaveform: (recognizer, pcm16) => onWorker(fn.acceptWaveform, recognizer, pcm16, pcm16.length),
    finalResult: (recognizer) => onWorker(fn.finalResult, recognizer),
    recognizerFree: (recognizer) => fn.recognizerFree(recognizer),
  };
  loaded.set(path, api);
  return api;
}
