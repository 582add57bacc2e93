import type { WebhookPayload } from '@jinlin/projections';
import { renderBody, truncateUtf8 } from './formats';

const payload: WebhookPayload = {
  id: 'ticket-t1@1',
  type: 'TicketFiled',
  position: 42,
  recordedAt: '2026-12-03T08:00:00.000Z',
  ticket: {
    id: 't1',
    communityId: 'qianpu',
    communityName: '前埔一里西小区',
    companyId: 'jiayuan',
    category: 'elevator',
    title: '3号楼电梯停运',
    status: 'open',
  },
  data: { ticketId: 't1' },
  summary: '【新报事】前埔一里西小区 · 3号楼电梯停运',
};

it('when the format is json, the body is the payload', () => expect(JSON.parse(renderBody('json', payload))).toEqual(payload));
it('when the format is wecom, the body is a WeCom text message with the summary', () =>
  expect(JSON.parse(renderBody('wecom', payload))).toEqual({
    msgtype: 'text',
    text: { content: '【新报事】前埔一里西小区 · 3号楼电梯停运' },
  }));
it('when the format is dingtalk, the body is a DingTalk text message with the summary', () =>
  expect(JSON.parse(renderBody('dingtalk', payload))).toEqual({
    msgtype: 'text',
    text: { content: '【新报事】前埔一里西小区 · 3号楼电梯停运' },
  }));
it('when the format is feishu, the body is a Feishu text message with the summary', () =>
  expect(JSON.parse(renderBody('feishu', payload))).toEqual({
    msg_type: 'text',
    content: { text: '【新报事】前埔一里西小区 · 3号楼电梯停运' },
  }));
it('when a summary is longer than WeCom takes, it is cut on a character within 2048 bytes', () => {
  const long = truncateUtf8('电'.repeat(1000), 2048);
  expect(Buffer.byteLength(long)).toBeLessThanOrEqual(2048);
  expect(long.endsWith('…')).toBe(true);
  expect(truncateUtf8('短', 2048)).toBe('短');
});
