// `abonent serve` as a real process on a free port, for the tests that start the product as `npm start` does.
import { type ChildProcess, spawn } from "node:child_process";
import { BIN } from "./cli.ts";
import { freePort } from "./free-port.ts";

export interface ServeProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  /** Everything written so far. */
  stdout(): string;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Waits for /health to answer, up to `ms`; fails with the output so far if the process exits first. */
  waitForHealth(ms?: number): Promise<Response>;
}

export async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let output = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
    output += d;
  });
  child.stderr?.on("data", (d) => (output += d));
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      ended = true;
      resolve(code);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    pid: child.pid ?? 0,
    base,
    stdout: () => stdout,
    output: () => output,
    exited,
    async waitForHealth(ms = 120_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        try {
          return await fetch(`${base}/health`);
        } catch (e) {
          if (ended) throw new Error(`serve exited before it answered:\n${output}`);
          if (Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}
