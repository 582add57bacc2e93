import type { WebhookFormat } from '@jinlin/domain';
import type { WebhookPayload } from '@jinlin/projections';

/** WeCom caps text.content at 2048 bytes of UTF-8; the others take more, but a summary never needs it. */
const MAX_TEXT_BYTES = 2048;

/**
 * The body of one delivery. `json`: the payload as queued. The group robots get their documented
 * text message: WeCom and DingTalk `{"msgtype":"text","text":{"content"}}`, Feishu
 * `{"msg_type":"text","content":{"text"}}`, with the one-line Chinese summary. Their own
 * signatures (DingTalk's and Feishu's signed-bot modes) are not made: use keyword or IP rules.
 */
export function renderBody(format: WebhookFormat, payload: WebhookPayload): string {
  const text = truncateUtf8(payload.summary, MAX_TEXT_BYTES);
  switch (format) {
    case 'json':
      return JSON.stringify(payload);
    case 'wecom':
    case 'dingtalk':
      return JSON.stringify({ msgtype: 'text', text: { content: text } });
    case 'feishu':
      return JSON.stringify({ msg_type: 'text', content: { text } });
  }
}

/** Cuts on a character, never inside one, and marks the cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + '…') > maxBytes) break;
    out += ch;
  }
  return `${out}…`;
}
