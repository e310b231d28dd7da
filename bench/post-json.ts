// One JSON POST to a bench's server on this machine over a kept-alive agent: the load generators' request.
import { type Agent, request } from "node:http";

export interface JsonPost {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function postJson(port: number, agent: Agent, r: JsonPost): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: r.path,
        agent,
        headers: {
          ...r.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(r.body),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(r.body);
  });
}
