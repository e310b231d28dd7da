// Inbound SMS delivered by an aggregator's webhook, once per gateway and message id (migration 0031).
export interface SmsInboundTable {
  /** The gateway that delivered it ("webhook"). */
  source: string;
  /** The gateway's id of the message: a repeated delivery carries the same one. */
  message_id: string;
  /** The sender's phone, as the gateway gave it. */
  sender: string;
  received_at: Date;
  /** What was answered; null while the first delivery is still being processed. */
  reply: string | null;
}
