// espeak-ng (the Debian package) as a child process: text on stdin, a 22 050 Hz WAV on stdout. No shell, and the
// text never becomes an argument, so a prompt starting with "-" or holding quotes is spoken, not parsed.
import { spawn } from "node:child_process";
import { SpeechSynthesisError } from "../speech-errors.ts";

export const ESPEAK_INSTALL_HINT = "install the Debian package espeak-ng (apt-get install espeak-ng)";

function run(bin: string, args: string[], stdin: string | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        new SpeechSynthesisError(
          e.code === "ENOENT" ? `${bin} not found: ${ESPEAK_INSTALL_HINT}` : `${bin}: ${e.message}`,
          { cause: e },
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new SpeechSynthesisError(`${bin} exited with ${code}: ${err.trim().slice(0, 300)}`)),
    );
    child.stdin.on("error", () => {}); // a child that died early: its exit code tells the story
    child.stdin.end(stdin ?? "");
  });
}

/** "eSpeak NG text-to-speech: 1.51 …": part of every cache key, so an upgrade renders prompts anew. */
export async function espeakVersion(bin: string): Promise<string> {
  const out = (await run(bin, ["--version"], null)).toString("utf8").trim();
  return out.split("\n")[0] ?? out;
}

export function renderEspeak(
  bin: string,
  text: string,
  voice: string,
  wordsPerMinute: number,
): Promise<Buffer> {
  return run(bin, ["-v", voice, "-s", String(wordsPerMinute), "-b", "1", "--stdout"], text);
}
