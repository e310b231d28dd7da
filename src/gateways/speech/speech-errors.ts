// How a speech engine fails, typed so the dialogue can tell "not understood, ask again" (timeout, a server
// error, an answer it cannot read) from a configuration problem it should log loudly.

export type RecognitionFailure =
  /** The engine took longer than its limit: treat as not understood. */
  | "timeout"
  /** The engine could not be reached or answered with an error status. */
  | "unavailable"
  /** The engine answered, but not with a transcription. */
  | "bad-response"
  /** Asked for a language this engine has no model for. */
  | "unsupported-language";

export class SpeechRecognitionError extends Error {
  override readonly name = "SpeechRecognitionError";
  constructor(
    readonly failure: RecognitionFailure,
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine}: ${message}`, options);
  }
}

/** espeak-ng is not installed, or failed to render a prompt. */
export class SpeechSynthesisError extends Error {
  override readonly name = "SpeechSynthesisError";
}
