import { createHmac } from 'node:crypto';

/** SPEC §9: `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`; the timestamp guards against replays. */
export const signature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export const WEBHOOK_HEADERS = {
  eventId: 'x-jinlin-event-id',
  timestamp: 'x-jinlin-timestamp',
  signature: 'x-jinlin-signature',
} as const;
