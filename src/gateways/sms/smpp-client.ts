// An SMPP 3.4 client (ESME) of an operator's SMS centre, through the `smpp` package: one bind_transceiver
// session that both sends (submit_sm) and receives (deliver_sm). It keeps the link alive with enquire_link,
// answers the centre's own enquire_link and unbind, and after any drop (a closed socket, a failed bind, an
// enquire_link left unanswered) binds again after a growing pause. Inbound texts are answered deliver_sm_resp at
// once and handed on, long ones put back together from their parts; delivery receipts are logged and handed to
// their own callback, never taken for texts. SMPP_URL: smpp://system_id:password@host:port (ssmpp:// for TLS).
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import smpp, { type PDU, type Session } from "smpp";
import { concatHeader, Reassembler } from "./concatenation.ts";
import { smsParts } from "./sms-parts.ts";

export interface InboundSms {
  /** The sender's number as the centre gave it, "+" added for an international one. */
  from: string;
  /** The number it was sent to (the short number). */
  to: string;
  text: string;
}

export interface DeliveryReceipt {
  /** The id submit_sm_resp gave the message. */
  messageId: string;
  /** DELIVRD, EXPIRED, UNDELIV, REJECTD, … as the receipt says; "UNKNOWN" when it says nothing readable. */
  state: string;
  /** The phone the message went to. */
  recipient: string;
}

export interface SmppEndpoint {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
}

export interface SmppClientOptions {
  url: string;
  /** Our address on outgoing texts: the short number. */
  sourceAddress: string;
  onMessage(sms: InboundSms): Promise<void> | void;
  onReceipt?(receipt: DeliveryReceipt): void;
  log?: Logger;
  /** Seconds between enquire_links (30 unless told). */
  enquireLinkSeconds?: number;
  /** The first pause before binding again, doubled on each failure up to maxMs (1 s and 60 s unless told). */
  backoff?: { initialMs: number; maxMs: number };
  /** How long a request waits for its response, and send() for a bound session (10 s unless told). */
  responseTimeoutMs?: number;
}

export class SmppError extends Error {
  constructor(
    message: string,
    readonly commandStatus?: number,
  ) {
    super(message);
  }
}

export function parseSmppUrl(url: string): SmppEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SmppError("SMPP_URL: expected smpp://system_id:password@host:port");
  }
  const tls = parsed.protocol === "ssmpp:";
  if (!tls && parsed.protocol !== "smpp:") throw new SmppError("SMPP_URL: expected smpp:// or ssmpp://");
  if (!parsed.hostname || !parsed.username) throw new SmppError("SMPP_URL: expected system_id@host");
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port ? Number(parsed.port) : tls ? 3550 : 2775,
    tls,
    systemId: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

// esm_class bits 2–5 give the message type: 0 is a text, anything else a receipt or acknowledgement.
const ESM_MESSAGE_TYPE = 0x3c;
const ESM_UDHI = 0x40;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_ISDN = 1;
const REGISTERED_DELIVERY_FINAL = 1;

const MESSAGE_STATES = [
  "SCHEDULED",
  "ENROUTE",
  "DELIVRD",
  "EXPIRED",
  "DELETED",
  "UNDELIV",
  "ACCEPTD",
  "UNKNOWN",
  "REJECTD",
  "SKIPPED",
];

interface Waiting {
  resolve(pdu: PDU): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** An address as SMPP carries it: "+380…" goes international without its "+", letters alphanumeric. */
function smppAddress(address: string): { addr: string; ton: number; npi: number } {
  if (/^\+[0-9]+$/.test(address)) return { addr: address.slice(1), ton: TON_INTERNATIONAL, npi: NPI_ISDN };
  if (/[^0-9]/.test(address)) return { addr: address, ton: TON_ALPHANUMERIC, npi: 0 };
  return { addr: address, ton: 0, npi: NPI_ISDN };
}

function textOf(field: unknown): { text: string | null; udh: Buffer[] | undefined } {
  if (typeof field === "string") return { text: field, udh: undefined };
  if (field && typeof field === "object" && "message" in field) {
    const m = field as { message: unknown; udh?: Buffer[] };
    return { text: typeof m.message === "string" ? m.message : null, udh: m.udh };
  }
  return { text: null, udh: undefined };
}

export class SmppClient extends EventEmitter {
  readonly #endpoint: SmppEndpoint;
  readonly #options: SmppClientOptions;
  readonly #reassembler = new Reassembler();
  #session: Session | null = null;
  #bound = false;
  #stopped = true;
  #failures = 0;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #enquireTimer: NodeJS.Timeout | null = null;
  #waiting = new Map<number, Waiting>();
  #ref = Math.floor(Math.random() * 256);

  constructor(options: SmppClientOptions) {
    super();
    this.#endpoint = parseSmppUrl(options.url);
    this.#options = options;
  }

  get bound(): boolean {
    return this.#bound;
  }

  /** Starts connecting (and keeps reconnecting until stop()); the "bound" event says when it may send. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  /** Unbinds politely, closes the link and stops reconnecting. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    const session = this.#session;
    if (!session) return;
    if (this.#bound) await this.#request(session, "unbind", {}).catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (session.socket.destroyed) return resolve();
      session.socket.once("close", () => resolve());
      session.destroy();
    });
  }

  /** Resolves once a session is bound (at once when one is), rejects after the response timeout. */
  whenBound(timeoutMs = this.#timeoutMs): Promise<void> {
    if (this.#bound) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("bound", onBound);
        reject(new SmppError("the SMS centre is not connected"));
      }, timeoutMs);
      const onBound = () => {
        clearTimeout(timer);
        resolve();
      };
      this.once("bound", onBound);
    });
  }

  /** Sends a text (in as many parts as it takes); resolves with the centre's message id of each part. */
  async send(message: { to: string; text: string }): Promise<string[]> {
    await this.whenBound();
    const session = this.#session!;
    this.#ref = (this.#ref + 1) & 0xff;
    const source = smppAddress(this.#options.sourceAddress);
    const destination = smppAddress(message.to);
    const ids: string[] = [];
    for (const part of smsParts(message.text, this.#ref)) {
      const response = await this.#request(session, "submit_sm", {
        source_addr_ton: source.ton,
        source_addr_npi: source.npi,
        source_addr: source.addr,
        dest_addr_ton: destination.ton,
        dest_addr_npi: destination.npi,
        destination_addr: destination.addr,
        esm_class: part.esmClass,
        registered_delivery: REGISTERED_DELIVERY_FINAL,
        data_coding: part.dataCoding,
        short_message: part.shortMessage,
      });
      ids.push(String(response["message_id"] ?? ""));
    }
    return ids;
  }

  get #timeoutMs(): number {
    return this.#options.responseTimeoutMs ?? 10_000;
  }

  #connect(): void {
    const { host, port, tls } = this.#endpoint;
    const session = smpp.connect({ host, port, tls });
    this.#session = session;
    session.on(tls ? "secureConnect" : "connect", () => this.#bind(session));
    session.on("error", (err: Error) => this.#options.log?.warn({ err }, "smpp: link error"));
    session.on("close", () => this.#closed(session));
    session.on("deliver_sm", (pdu: PDU) => this.#delivered(session, pdu));
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => {
      // The centre is going away (a restart): answer, close, and bind again after the pause.
      session.send(pdu.response());
      session.close();
    });
    session.on("pdu", (pdu: PDU) => {
      if (pdu.isResponse()) this.#answered(pdu);
      else if (pdu.command === "unknown") session.send(pdu.response());
    });
  }

  async #bind(session: Session): Promise<void> {
    const { systemId, password } = this.#endpoint;
    try {
      await this.#request(session, "bind_transceiver", {
        system_id: systemId,
        password,
        interface_version: 0x34,
      });
    } catch (err) {
      this.#options.log?.error({ err, systemId }, "smpp: bind refused");
      session.destroy();
      return;
    }
    if (this.#session !== session || this.#stopped) return;
    this.#bound = true;
    this.#failures = 0;
    this.#options.log?.info({ host: this.#endpoint.host, systemId }, "smpp: bound as transceiver");
    this.#enquireTimer = setInterval(
      () => {
        // An unanswered enquire_link means a dead link that TCP has not noticed: drop it and bind again.
        this.#request(session, "enquire_link", {}).catch((err: Error) => {
          this.#options.log?.warn({ err }, "smpp: enquire_link unanswered, reconnecting");
          session.destroy();
        });
      },
      (this.#options.enquireLinkSeconds ?? 30) * 1000,
    );
    this.emit("bound");
  }

  #closed(session: Session): void {
    if (this.#session !== session) return;
    const wasBound = this.#bound;
    this.#bound = false;
    this.#session = null;
    if (this.#enquireTimer) clearInterval(this.#enquireTimer);
    this.#enquireTimer = null;
    for (const [, waiting] of this.#waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new SmppError("the link to the SMS centre closed"));
    }
    this.#waiting.clear();
    this.emit("closed");
    if (this.#stopped) return;
    const { initialMs, maxMs } = this.#options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    const pause = Math.min(maxMs, initialMs * 2 ** this.#failures) * (0.8 + Math.random() * 0.4);
    this.#failures++;
    this.#options.log?.warn({ wasBound, pauseMs: Math.round(pause) }, "smpp: link closed, binding again");
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (!this.#stopped) this.#connect();
    }, pause);
  }

  #request(session: Session, command: string, fields: Record<string, unknown>): Promise<PDU> {
    return new Promise((resolve, reject) => {
      const pdu = new smpp.PDU(command, fields);
      if (!session.send(pdu)) return reject(new SmppError("the link to the SMS centre is not writable"));
      const timer = setTimeout(() => {
        this.#waiting.delete(pdu.sequence_number);
        reject(new SmppError(`no ${command}_resp within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#waiting.set(pdu.sequence_number, {
        timer,
        resolve,
        reject: (e) => reject(e),
      });
    });
  }

  #answered(pdu: PDU): void {
    const waiting = this.#waiting.get(pdu.sequence_number);
    if (!waiting) return;
    this.#waiting.delete(pdu.sequence_number);
    clearTimeout(waiting.timer);
    if (pdu.command_status === 0) waiting.resolve(pdu);
    else
      waiting.reject(
        new SmppError(
          `${pdu.command} status 0x${pdu.command_status.toString(16).padStart(8, "0")}`,
          pdu.command_status,
        ),
      );
  }

  #delivered(session: Session, pdu: PDU): void {
    // Answered first: a centre that waits too long for the response delivers the message again.
    session.send(pdu.response());
    const esmClass = Number(pdu["esm_class"] ?? 0);
    const from = String(pdu["source_addr"] ?? "");
    const to = String(pdu["destination_addr"] ?? "");
    const sender =
      Number(pdu["source_addr_ton"]) === TON_INTERNATIONAL && /^[0-9]+$/.test(from) ? `+${from}` : from;
    const short = textOf(pdu["short_message"]);
    const payload = textOf(pdu["message_payload"]);
    const text = short.text || payload.text;
    if ((esmClass & ESM_MESSAGE_TYPE) !== 0) {
      this.#receipt(pdu, text ?? "", sender);
      return;
    }
    if (text === null) {
      this.#options.log?.warn(
        { dataCoding: pdu["data_coding"] },
        "smpp: a text in an unknown encoding, ignored",
      );
      return;
    }
    const header = esmClass & ESM_UDHI ? concatHeader(short.udh ?? payload.udh) : null;
    const whole = header ? this.#reassembler.add(sender, header, text) : text;
    if (whole === null) return;
    Promise.resolve()
      .then(() => this.#options.onMessage({ from: sender, to, text: whole }))
      .catch((err: Error) => this.#options.log?.error({ err }, "smpp: an inbound text was not handled"));
  }

  #receipt(pdu: PDU, text: string, recipient: string): void {
    const fromText = /\bid:(\S+)/i.exec(text)?.[1];
    const stateText = /\bstat:(\S+)/i.exec(text)?.[1];
    const stateTlv = pdu["message_state"];
    const receipt: DeliveryReceipt = {
      messageId: String(pdu["receipted_message_id"] ?? fromText ?? ""),
      state:
        stateText?.toUpperCase() ??
        (typeof stateTlv === "number" ? (MESSAGE_STATES[stateTlv] ?? "UNKNOWN") : "UNKNOWN"),
      recipient,
    };
    this.#options.log?.info(receipt, "smpp: delivery receipt");
    this.emit("receipt", receipt);
    this.#options.onReceipt?.(receipt);
  }
}
