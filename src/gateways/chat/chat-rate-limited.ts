// A platform said "too many requests" (Telegram's 429 with retry_after, Viber's and Messenger's throttling
// codes): the sender waits that long before its next message to that platform instead of failing the message.
export class ChatRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited: retry after ${retryAfterSeconds} s`);
  }
}
