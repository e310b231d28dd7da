// The part of the `smpp` package (SMPP 3.4, client and server sides) that Abonent uses; it ships no types.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  /** A decoded short_message or message_payload: the text, and the user data header's elements when present. */
  export interface DecodedMessage {
    message: string | Buffer;
    udh?: Buffer[];
  }

  /** A protocol data unit: its header and, by name, whatever fields and TLVs its command carries. */
  export class PDU {
    constructor(command: string, options?: Record<string, unknown>);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  type Callback = (pdu: PDU) => void;
  type Shortcut = (
    options?: Record<string, unknown>,
    responseCallback?: Callback,
    sendCallback?: Callback,
  ) => boolean;

  export class Session extends EventEmitter {
    socket: import("node:net").Socket;
    send(pdu: PDU, responseCallback?: Callback, sendCallback?: Callback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver: Shortcut;
    bind_transceiver_resp: Shortcut;
    enquire_link: Shortcut;
    enquire_link_resp: Shortcut;
    submit_sm: Shortcut;
    deliver_sm: Shortcut;
    unbind: Shortcut;
    unbind_resp: Shortcut;
    generic_nack: Shortcut;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: Record<string, unknown>, listener?: () => void): Session;
  export function createServer(listener?: (session: Session) => void): Server;

  export const encodings: {
    ASCII: { match(text: string): boolean; encode(text: string): Buffer; decode(bytes: Buffer): string };
    UCS2: { match(text: string): boolean; encode(text: string): Buffer; decode(bytes: Buffer): string };
  };

  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RSYSERR: number;
  export const ESME_RTHROTTLED: number;
}
