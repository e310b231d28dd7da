// A browser without a browser, for the cabinet's HTTP tests: it keeps cookies, reads each page's CSRF token and
// sends forms url-encoded as a browser does, following the 303 after a form. The end-to-end tests in a real
// browser are in test/web/e2e; these are the fast ones over inject.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

export interface PageResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  /** Where a redirect pointed (before it was followed). */
  location?: string;
  /** The URL of the page finally shown. */
  url: string;
}

export class CabinetClient {
  private cookies = new Map<string, string>();
  /** The CSRF token of the last page read (every form of a page carries the same one). */
  csrf = "";

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { ip?: string; acceptLanguage?: string } = {},
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === "" || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return {
      ...(cookie ? { cookie } : {}),
      ...(this.options.acceptLanguage ? { "accept-language": this.options.acceptLanguage } : {}),
      ...extra,
    };
  }

  private async finish(res: LightMyRequestResponse, url: string, follow: boolean): Promise<PageResponse> {
    this.remember(res);
    const location = res.headers["location"] as string | undefined;
    if (follow && location && res.statusCode >= 300 && res.statusCode < 400) {
      const next = await this.get(location);
      return { ...next, location };
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return {
      status: res.statusCode,
      body: res.body,
      headers: res.headers,
      url,
      ...(location ? { location } : {}),
    };
  }

  async get(url: string, o: { follow?: boolean } = {}): Promise<PageResponse> {
    const res = await this.app.inject({
      method: "GET",
      url,
      headers: this.headers(),
      remoteAddress: this.options.ip ?? "127.0.0.1",
    });
    return this.finish(res, url, o.follow ?? true);
  }

  /** Posts a form with the last page's CSRF token (unless the fields say otherwise). */
  async post(
    url: string,
    fields: Record<string, string>,
    o: { follow?: boolean } = {},
  ): Promise<PageResponse> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: this.headers({ "content-type": "application/x-www-form-urlencoded" }),
      payload: body,
      remoteAddress: this.options.ip ?? "127.0.0.1",
    });
    return this.finish(res, url, o.follow ?? true);
  }

  /** Posts a multipart/form-data form (a file upload) with the last page's CSRF token, as a browser does. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type?: string; bytes: Uint8Array }> = {},
    o: { follow?: boolean } = {},
  ): Promise<PageResponse> {
    const boundary = `----abonent${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries({ _csrf: this.csrf, ...fields })) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    }
    for (const [name, file] of Object.entries(files)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\n` +
            `Content-Type: ${file.type ?? "text/csv"}\r\n\r\n`,
        ),
        Buffer.from(file.bytes),
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: this.headers({ "content-type": `multipart/form-data; boundary=${boundary}` }),
      payload: Buffer.concat(parts),
      remoteAddress: this.options.ip ?? "127.0.0.1",
    });
    return this.finish(res, url, o.follow ?? true);
  }

  /** Signs in through the form at "/". */
  async signIn(login: string, password: string): Promise<PageResponse> {
    await this.get("/");
    return this.post("/sign-in", { login, password });
  }
}

/** The visible text of a page, tags dropped and whitespace collapsed, for assertions on what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}
