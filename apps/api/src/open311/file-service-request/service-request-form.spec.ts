import type { FastifyRequest } from 'fastify';
import { Open311Params } from '../open311-params';
import { serviceRequestForm } from './service-request-form';

const ORIGIN = 'http://127.0.0.1:3000';
const paramsOf = (body: Record<string, unknown>, query: Record<string, unknown> = { jurisdiction_id: 'qianpu' }) =>
  Open311Params.of({ method: 'POST', query, body } as unknown as FastifyRequest);
const formOf = (body: Record<string, unknown>) =>
  serviceRequestForm(paramsOf({ service_code: 'elevator', description: '电梯停运', ...body }), ORIGIN);
const problemsOf = (body: Record<string, unknown>) => {
  try {
    formOf(body);
    return [];
  } catch (error) {
    return [(error as { getResponse(): { message: string | string[] } }).getResponse().message].flat();
  }
};

it('when attribute[…] keys come bracketed, they are the place; address_id stands in for the building', () => {
  expect(formOf({ 'attribute[building]': '3', 'attribute[unit]': '2单元', 'attribute[room]': '1203' }).ticket.location).toEqual({
    building: '3',
    unit: '2单元',
    room: '1203',
  });
  expect(formOf({ address_id: '5' }).ticket.location).toEqual({ building: '5' });
});

it('when a JSON body nests attribute as an object, it reads the same as bracketed keys', () => {
  expect(formOf({ attribute: { building: '3' } }).ticket.location).toEqual({ building: '3' });
});

it('when the jurisdiction is in the query and the rest in the body, the ticket names the community and category', () => {
  expect(formOf({ address_id: '3' }).ticket).toMatchObject({
    communityId: 'qianpu',
    category: 'elevator',
    title: '电梯：电梯停运',
    channel: 'app',
  });
});

it('when the description is long or has many lines, the title is its first line, at most 120 characters', () => {
  const title = formOf({ address_id: '3', description: `${'很'.repeat(200)}\n第二行` }).ticket.title!;
  expect([...title]).toHaveLength(120);
  expect(title.endsWith('…')).toBe(true);
});

it('when media_url is one of our attachment URLs it is an attachment id; any other URL is only recorded', () => {
  const id = '0b5e8a2c-1f7e-4d0a-9a51-4f6d5b0d6c11';
  expect(formOf({ address_id: '3', media_url: `${ORIGIN}/attachments/${id}` })).toMatchObject({
    ticket: { attachmentIds: [id] },
    facts: {},
  });
  const foreign = 'https://img.example.cn/a.jpg';
  expect(formOf({ address_id: '3', media_url: foreign })).toMatchObject({ facts: { mediaUrl: foreign } });
  expect(formOf({ address_id: '3', media_url: foreign }).ticket.attachmentIds).toBeUndefined();
});

it('when contact details come, they are kept out of the ticket', () => {
  const form = formOf({ address_id: '3', email: 'a@example.cn', first_name: '阿姨', last_name: '王', phone: '13800138000' });
  expect(form.contact).toEqual({ email: 'a@example.cn', firstName: '阿姨', lastName: '王', phone: '13800138000' });
  expect(JSON.stringify(form.ticket)).not.toMatch(/example|138001|阿姨/);
});

it.each([
  [{}, 'a location is required'],
  [{ lat: '24.5' }, 'lat and long come together'],
  [{ lat: 'north', long: '118' }, 'lat must be a number'],
  [{ lat: '95', long: '118' }, 'lat must be within -90..90'],
  [{ address_id: '3', email: 'not-an-email' }, 'email must be an email address'],
  [{ address_id: '3', media_url: 'ftp://x/y' }, 'media_url must be an absolute http or https URL'],
  [{ address_id: '3', media_url: `${ORIGIN}/attachments/nope` }, 'media_url names no upload of this service'],
])('when the request is %j, the problem is named', (body, problem) => {
  expect(problemsOf(body).join('\n')).toContain(problem);
});

it('when parameters the spec does not define come, they are ignored', () => {
  expect(formOf({ address_id: '3', shoe_size: '42', 'attribute[colour]': 'red' }).ticket).not.toHaveProperty('shoe_size');
});
