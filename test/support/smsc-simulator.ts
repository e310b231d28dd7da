// An operator's SMS centre for the tests, on the `smpp` package's server side: it binds transceivers that give
// the right system_id and password, answers enquire_link, takes submit_sm (keeping each part as it arrived and
// the texts the parts make once put back together), sends delivery receipts, delivers texts "from phones" by
// deliver_sm, and can drop every connection the way a restarting centre does.
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import smpp, { type PDU, type Server, type Session } from "smpp";
import { concatHeader, Reassembler } from "../../src/gateways/sms/concatenation.ts";

export interface SubmittedPart {
  to: string;
  from: string;
  dataCoding: number;
  esmClass: number;
  /** The user data header's elements, as sent. */
  udh: Buffer[] | undefined;
  text: string;
  messageId: string;
}

export interface SubmittedText {
  to: string;
  from: string;
  text: string;
  parts: SubmittedPart[];
}

export class SmscSimulator extends EventEmitter {
  readonly parts: SubmittedPart[] = [];
  readonly texts: SubmittedText[] = [];
  /** Bind attempts, refused ones included, and the binds that succeeded. */
  binds = 0;
  bound = 0;
  enquireLinks = 0;
  #server: Server;
  #sessions = new Set<Session>();
  #bound = new Set<Session>();
  #reassembler = new Reassembler();
  #pendingParts = new Map<string, SubmittedPart[]>();
  #nextId = 1;

  private constructor(
    readonly systemId: string,
    readonly password: string,
    /** Answer every submit_sm with a delivery receipt. */
    readonly receipts: boolean,
  ) {
    super();
    this.#server = smpp.createServer((session) => this.#accept(session));
  }

  static async start(
    options: { systemId?: string; password?: string; receipts?: boolean } = {},
  ): Promise<SmscSimulator> {
    const simulator = new SmscSimulator(
      options.systemId ?? "abonent",
      options.password ?? "secret",
      options.receipts ?? false,
    );
    await new Promise<void>((resolve) => simulator.#server.listen(0, "127.0.0.1", resolve));
    return simulator;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  url(password = this.password): string {
    return `smpp://${this.systemId}:${encodeURIComponent(password)}@127.0.0.1:${this.port}`;
  }

  /** A phone texts the short number: deliver_sm to a bound client; resolves when the client answered it. */
  deliver(sms: { from: string; to: string; text: string }): Promise<void> {
    const session = [...this.#bound][0];
    if (!session) return Promise.reject(new Error("no client is bound"));
    return new Promise((resolve, reject) => {
      session.deliver_sm(
        {
          source_addr_ton: 1,
          source_addr_npi: 1,
          source_addr: sms.from.replace(/^\+/, ""),
          destination_addr: sms.to,
          short_message: sms.text,
        },
        (resp: PDU) =>
          resp.command_status === 0 ? resolve() : reject(new Error(`deliver_sm_resp ${resp.command_status}`)),
      );
    });
  }

  /** The next text (all its parts in) sent to a number. */
  nextText(to: string, timeoutMs = 10_000): Promise<SubmittedText> {
    const already = this.texts.find((t) => t.to === to && !this.#taken.has(t));
    if (already) {
      this.#taken.add(already);
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("text", onText);
        reject(new Error(`no text to ${to} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onText = (t: SubmittedText) => {
        if (t.to !== to || this.#taken.has(t)) return;
        this.#taken.add(t);
        clearTimeout(timer);
        this.off("text", onText);
        resolve(t);
      };
      this.on("text", onText);
    });
  }

  #taken = new Set<SubmittedText>();

  /** Resolves on the next successful bind (counting from now). */
  nextBind(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no bind within ${timeoutMs} ms`)), timeoutMs);
      this.once("bound", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Closes every client's socket at once, as a centre that restarts does. */
  dropConnections(): void {
    for (const session of this.#sessions) session.socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(session: Session): void {
    this.#sessions.add(session);
    session.on("error", () => undefined);
    session.on("close", () => {
      this.#sessions.delete(session);
      this.#bound.delete(session);
    });
    session.on("bind_transceiver", (pdu: PDU) => {
      this.binds++;
      if (pdu["system_id"] !== this.systemId || pdu["password"] !== this.password) {
        session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
        return;
      }
      session.send(pdu.response({ system_id: "simulator" }));
      this.bound++;
      this.#bound.add(session);
      this.emit("bound");
    });
    session.on("enquire_link", (pdu: PDU) => {
      this.enquireLinks++;
      session.send(pdu.response());
    });
    session.on("unbind", (pdu: PDU) => {
      session.send(pdu.response());
      this.#bound.delete(session);
    });
    session.on("submit_sm", (pdu: PDU) => this.#submitted(session, pdu));
  }

  #submitted(session: Session, pdu: PDU): void {
    if (!this.#bound.has(session)) {
      session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
      return;
    }
    const messageId = `sim-${this.#nextId++}`;
    session.send(pdu.response({ message_id: messageId }));
    const decoded = pdu["short_message"] as { message: string; udh?: Buffer[] };
    const part: SubmittedPart = {
      to: `+${String(pdu["destination_addr"])}`,
      from: String(pdu["source_addr"]),
      dataCoding: Number(pdu["data_coding"]),
      esmClass: Number(pdu["esm_class"]),
      udh: decoded.udh,
      text: decoded.message,
      messageId,
    };
    this.parts.push(part);
    const header = concatHeader(decoded.udh);
    const key = `${part.to}:${header?.ref ?? messageId}`;
    const parts = [...(this.#pendingParts.get(key) ?? []), part];
    this.#pendingParts.set(key, parts);
    const whole = header ? this.#reassembler.add(part.to, header, part.text) : part.text;
    if (whole !== null) {
      this.#pendingParts.delete(key);
      const text: SubmittedText = { to: part.to, from: part.from, text: whole, parts };
      this.texts.push(text);
      this.emit("text", text);
    }
    if (this.receipts)
      session.deliver_sm({
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: String(pdu["destination_addr"]),
        destination_addr: part.from,
        esm_class: 0x04,
        short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2611011200 done date:2611011200 stat:DELIVRD err:000 text:`,
        receipted_message_id: messageId,
        message_state: 2,
      });
  }
}
