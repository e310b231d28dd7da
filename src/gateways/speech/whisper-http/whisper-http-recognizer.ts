// A self-hosted Whisper server through the OpenAI-compatible POST {url}/v1/audio/transcriptions: faster-whisper
// servers answer there; whisper.cpp's server does when started with --inference-path /v1/audio/transcriptions
// (and -l auto, or it assumes English when no language is sent). Audio goes as a 16 kHz PCM WAV.
import type pino from "pino";
import { resample } from "../audio/resample.ts";
import { encodeWav } from "../audio/wav.ts";
import { SpeechRecognitionError } from "../speech-errors.ts";
import type { Recognition, RecognizeRequest, SpeechRecognizer } from "../speech-recognizer.ts";

const ENGINE = "whisper-http";
const WHISPER_RATE = 16000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Whisper reads at most 224 prompt tokens; the expected phrases beyond about this many characters are dropped. */
const MAX_PROMPT_CHARS = 600;

export interface WhisperHttpOptions {
  url: string;
  model?: string | undefined;
  timeoutMs?: number | undefined;
  logger: pino.Logger;
  fetch?: typeof fetch | undefined;
}

interface WhisperAnswer {
  text?: unknown;
  error?: unknown;
  segments?: { avg_logprob?: unknown }[];
}

/** exp of the segments' mean log-probability per token: Whisper's own sense of how sure it is. */
export function whisperConfidence(answer: WhisperAnswer): number | null {
  const logprobs = (Array.isArray(answer.segments) ? answer.segments : [])
    .map((s) => s?.avg_logprob)
    .filter((p): p is number => typeof p === "number" && Number.isFinite(p));
  if (logprobs.length === 0) return null;
  const mean = logprobs.reduce((a, b) => a + b, 0) / logprobs.length;
  return Math.min(1, Math.max(0, Math.exp(mean)));
}

export function whisperPrompt(phrases: string[]): string {
  let prompt = "";
  for (const p of phrases.map((x) => x.trim()).filter(Boolean)) {
    const next = prompt ? `${prompt}, ${p}` : p;
    if (next.length > MAX_PROMPT_CHARS) break;
    prompt = next;
  }
  return prompt;
}

export function whisperHttpRecognizer(options: WhisperHttpOptions): SpeechRecognizer {
  const endpoint = `${options.url.replace(/\/+$/, "")}/v1/audio/transcriptions`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const model = options.model ?? "whisper-1";
  // Servers that do not know verbose_json (no confidence then) refuse it with a 4xx; asked once, remembered.
  let verbose = true;

  async function post(
    request: RecognizeRequest,
    wav: Buffer,
    format: "verbose_json" | "json",
  ): Promise<Response> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(wav)], { type: "audio/wav" }), "utterance.wav");
    form.append("model", model);
    if (request.language) form.append("language", request.language);
    const prompt = whisperPrompt(request.phrases);
    if (prompt) form.append("prompt", prompt);
    form.append("response_format", format);
    form.append("temperature", "0");
    try {
      return await doFetch(endpoint, {
        method: "POST",
        body: form,
        headers: { "X-Abonent-Call": request.callId },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new SpeechRecognitionError("timeout", ENGINE, `no answer within ${timeoutMs} ms`, { cause: e });
      throw new SpeechRecognitionError(
        "unavailable",
        ENGINE,
        `cannot reach ${endpoint}: ${(e as Error).message}`,
        {
          cause: e,
        },
      );
    }
  }

  async function readAnswer(response: Response): Promise<WhisperAnswer> {
    let body: string;
    try {
      body = await response.text();
    } catch (e) {
      const timedOut = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError";
      throw new SpeechRecognitionError(timedOut ? "timeout" : "unavailable", ENGINE, "the answer broke off", {
        cause: e,
      });
    }
    if (!response.ok)
      throw new SpeechRecognitionError(
        "unavailable",
        ENGINE,
        `HTTP ${response.status}: ${body.slice(0, 200)}`,
      );
    let answer: WhisperAnswer;
    try {
      answer = JSON.parse(body) as WhisperAnswer;
    } catch {
      throw new SpeechRecognitionError("bad-response", ENGINE, `not JSON: ${body.slice(0, 200)}`);
    }
    // whisper.cpp's server reports a failed inference as 200 with {"error": "..."}.
    if (answer === null || typeof answer !== "object" || typeof answer.text !== "string")
      throw new SpeechRecognitionError(
        "bad-response",
        ENGINE,
        `no text in the answer: ${body.slice(0, 200)}`,
      );
    return answer;
  }

  return {
    engine: ENGINE,
    languages: ["uk", "ru"],
    async recognize(request): Promise<Recognition> {
      const { audio } = request;
      const wav = encodeWav({
        rate: WHISPER_RATE,
        samples: resample(audio.samples, audio.rate, WHISPER_RATE),
      });
      let response = await post(request, wav, verbose ? "verbose_json" : "json");
      if (verbose && response.status >= 400 && response.status < 500) {
        await response.body?.cancel();
        const retry = await post(request, wav, "json");
        if (retry.ok) {
          verbose = false;
          options.logger.info(
            { endpoint },
            "whisper-http: the server has no verbose_json; confidence will be null",
          );
        }
        response = retry;
      }
      const answer = await readAnswer(response);
      return {
        text: (answer.text as string).trim(),
        confidence: whisperConfidence(answer),
        engine: ENGINE,
        raw: answer,
      };
    },
    close: async () => {},
  };
}
