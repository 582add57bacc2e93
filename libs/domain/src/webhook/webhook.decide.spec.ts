import { DeciderSpec } from '@jinlin/testing';
import type { Principal } from '../shared/principal';
import { redactWebhookUrl, urlShapeProblem, webhookDecider, type RegisterWebhook, type WebhookEvent } from './webhook';

const given = DeciderSpec.for(webhookDecider);
const NOW = '2026-12-03T08:00:00.000Z';
const admin: Principal = { id: 'adm', roles: ['admin'], communities: [] };
const manager: Principal = { id: 'mgr-1', roles: ['manager'], communities: [], companyId: 'jiayuan' };
const by = { id: 'adm', roles: admin.roles };

const register = (over: Partial<RegisterWebhook['data']> = {}, actor = admin): RegisterWebhook => ({
  type: 'RegisterWebhook',
  data: {
    webhookId: 'wecom-1',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    secret: 'a-secret-of-16-chars',
    secretRef: 'ref-1',
    format: 'wecom',
    events: null,
    communities: null,
    lookups: { urlRefusal: null, unknownCommunities: [] },
    ...over,
  },
  metadata: { actor, now: NOW },
});
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: {
    webhookId: 'wecom-1',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    format: 'wecom',
    events: null,
    communities: null,
    secretRef: 'ref-1',
    registeredAt: NOW,
    by,
  },
};
const meta = { actor: admin, now: NOW };
const disable = { type: 'DisableWebhook' as const, data: { reason: 'failing for 24 h', eventId: 'e1' }, metadata: meta };
const remove = { type: 'DeleteWebhook' as const, data: {}, metadata: meta };

it('when an admin registers a webhook, it is recorded with a reference to its secret, not the secret, and its URL without the key', () =>
  given([]).when(register()).then([registered]));
it('when the events and communities repeat, each is recorded once', () =>
  given([])
    .when(register({ events: ['TicketFiled', 'TicketFiled'], communities: ['qianpu', 'qianpu'] }))
    .thenMatches([{ data: { ...registered.data, events: ['TicketFiled'], communities: ['qianpu'] } } as WebhookEvent]));
it('when a manager registers a webhook, it is refused', () => given([]).when(register({}, manager)).thenThrows('ADMIN_ONLY'));
it('when the id was used before, registering is refused', () => given([registered]).when(register()).thenThrows('WEBHOOK_EXISTS'));
it('when the URL is not http(s), it is refused', () =>
  given([])
    .when(register({ url: 'ftp://example.com/x' }))
    .thenThrows('WEBHOOK_URL_INVALID'));
it('when the adapter refused the host, it is refused', () =>
  given([])
    .when(register({ lookups: { urlRefusal: 'link-local', unknownCommunities: [] } }))
    .thenThrows('WEBHOOK_URL_INVALID'));
it('when the secret is short, it is refused', () =>
  given([])
    .when(register({ secret: 'fifteen-chars!!' }))
    .thenThrows('WEBHOOK_SECRET_TOO_SHORT'));
it('when an event type is unknown, it is refused', () =>
  given([])
    .when(register({ events: ['TicketFiled', 'PersonRegistered'] }))
    .thenThrows('WEBHOOK_UNKNOWN_EVENTS'));
it('when a community is unknown, it is refused', () =>
  given([])
    .when(register({ lookups: { urlRefusal: null, unknownCommunities: ['nowhere'] } }))
    .thenThrows('WEBHOOK_UNKNOWN_COMMUNITIES'));
it('when a live webhook is disabled, it is recorded', () =>
  given([registered])
    .when(disable)
    .then([{ type: 'WebhookDisabled', data: { webhookId: 'wecom-1', reason: 'failing for 24 h', eventId: 'e1', disabledAt: NOW, by } }]));
it('when a disabled webhook is disabled again, nothing is recorded', () =>
  given([registered, { type: 'WebhookDisabled', data: { webhookId: 'wecom-1', reason: 'r', eventId: 'e', disabledAt: NOW, by } }])
    .when(disable)
    .then([]));
it('when a webhook is deleted, it is recorded', () =>
  given([registered])
    .when(remove)
    .then([{ type: 'WebhookDeleted', data: { webhookId: 'wecom-1', deletedAt: NOW, by } }]));
it('when an unknown webhook is deleted, it is not found', () => given([]).when(remove).thenThrows('WEBHOOK_NOT_FOUND'));
it('when a deleted webhook is deleted again, it is not found', () =>
  given([registered, { type: 'WebhookDeleted', data: { webhookId: 'wecom-1', deletedAt: NOW, by } }])
    .when(remove)
    .thenThrows('WEBHOOK_NOT_FOUND'));
it('when a URL carries credentials or is no URL, its shape is refused', () => {
  expect(urlShapeProblem('https://u:p@example.com/')).toMatch(/user name/);
  expect(urlShapeProblem('not a url')).toMatch(/valid/);
  expect(urlShapeProblem('http://127.0.0.1:9000/hook')).toBeNull();
});
it('when a robot URL is masked, its key goes and what identifies the hook stays', () => {
  expect(redactWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe(
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
  );
  expect(redactWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1&sign=s%2B')).toBe(
    'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=***',
  );
  expect(redactWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2f1e-77aa-token')).toBe(
    'https://open.feishu.cn/open-apis/bot/v2/hook/***',
  );
  expect(redactWebhookUrl('https://open.larksuite.com/open-apis/bot/v2/hook/tok?x=1')).toBe(
    'https://open.larksuite.com/open-apis/bot/v2/hook/***?x=***',
  );
  expect(redactWebhookUrl('http://127.0.0.1:9000/hook?bare-token#frag')).toBe('http://127.0.0.1:9000/hook?***#***');
  expect(redactWebhookUrl('http://127.0.0.1:9000/hook')).toBe('http://127.0.0.1:9000/hook');
});
it('when a masked URL is masked again, it stays as it was', () => {
  const once = redactWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/t?key=k&bare');
  expect(redactWebhookUrl(once)).toBe(once);
});
