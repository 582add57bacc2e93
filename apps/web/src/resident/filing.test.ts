import { describe, expect, it } from 'vitest';
import type { Building } from '../api/views';
import { fieldErrors } from '../api/problems';
import { attemptFor, emptyDraft, placeServerProblems, toBody, useFilingForm, validate, type Draft, type Photo } from './filing';

const BUILDINGS: Building[] = [
  { code: '3', name: '3号楼', units: ['1单元', '2单元'], changedAt: '2026-11-12T00:00:00.000Z' },
  { code: 'club', name: '会所', units: [], changedAt: '2026-11-12T00:00:00.000Z' },
];
const filled = (patch: Partial<Draft> = {}): Draft => ({
  ...emptyDraft('qianpu-yili-west'),
  category: 'elevator',
  building: '3',
  unit: '2单元',
  room: '1203',
  title: '3号楼电梯停运',
  description: '早上七点起电梯不动了',
  ...patch,
});
const photo = (patch: Partial<Photo>): Photo => ({
  key: 'p1',
  name: 'a.jpg',
  status: 'done',
  progress: 100,
  attachmentId: 'att-1',
  problem: null,
  ...patch,
});

describe('the filing form', () => {
  it('names each missing or too long field by the path the service uses', () => {
    const problems = validate({ ...emptyDraft(), title: 'x'.repeat(121), room: '12345678901' }, [], BUILDINGS);
    expect(problems).toEqual({
      communityId: { key: 'chooseCommunity' },
      category: { key: 'chooseCategory' },
      title: { key: 'tooLong', params: { max: 120 } },
      description: { key: 'required' },
      'location.building': { key: 'chooseBuilding' },
      'location.room': { key: 'tooLong', params: { max: 10 } },
    });
  });

  it('counts characters, not UTF-16 units, and takes a filled form as it is', () => {
    expect(validate(filled({ title: '🏠'.repeat(120) }), [], BUILDINGS)).toEqual({});
    expect(validate(filled({ title: '🏠'.repeat(121) }), [], BUILDINGS).title).toEqual({ key: 'tooLong', params: { max: 120 } });
  });

  it('asks for a unit when the building has units, not when it has none, and refuses an unregistered building', () => {
    expect(validate(filled({ unit: '' }), [], BUILDINGS)['location.building']).toEqual({ key: 'chooseUnit' });
    expect(validate(filled({ building: 'club', unit: '' }), [], BUILDINGS)).toEqual({});
    expect(validate(filled({ building: '99' }), [], BUILDINGS)['location.building']).toEqual({ key: 'unknownBuilding' });
  });

  it('a public area needs its name and no building', () => {
    expect(validate(filled({ place: 'area', building: '', unit: '' }), [], BUILDINGS)).toEqual({ 'location.area': { key: 'required' } });
    expect(validate(filled({ place: 'area', building: '', area: '地下车库' }), [], BUILDINGS)).toEqual({});
  });

  it('waits for photos still uploading and refuses to file with a failed one', () => {
    expect(validate(filled(), [photo({ status: 'uploading', attachmentId: null })], BUILDINGS).attachmentIds).toEqual({
      key: 'photosUploading',
    });
    expect(validate(filled(), [photo({ status: 'failed', attachmentId: null })], BUILDINGS).attachmentIds).toEqual({ key: 'photosFailed' });
  });

  it('builds the body POST /tickets takes: a home place or a public area, trimmed texts, the uploaded photos', () => {
    expect(
      toBody(filled({ title: '  电梯停运 ', visibility: 'community', anonymous: true }), [
        photo({}),
        photo({ key: 'p2', attachmentId: 'att-2' }),
      ]),
    ).toEqual({
      communityId: 'qianpu-yili-west',
      category: 'elevator',
      title: '电梯停运',
      description: '早上七点起电梯不动了',
      location: { building: '3', unit: '2单元', room: '1203' },
      channel: 'app',
      anonymous: true,
      visibility: 'community',
      attachmentIds: ['att-1', 'att-2'],
    });
    const area = toBody(filled({ place: 'area', area: ' 地下车库 ', room: '' }), []);
    expect(area.location).toEqual({ area: '地下车库' });
    expect(area).not.toHaveProperty('attachmentIds');
  });

  it('keeps one Idempotency-Key for a retried attempt and takes a new one when the body changed', () => {
    let n = 0;
    const newKey = () => `key-${++n}`;
    const first = attemptFor(null, toBody(filled(), []), newKey);
    expect(attemptFor(first, toBody(filled(), []), newKey).key).toBe('key-1');
    expect(attemptFor(first, toBody(filled({ title: '另一个问题' }), []), newKey).key).toBe('key-2');
  });

  it('the reactive form tracks its photos, and a reset starts a new attempt in the same community', () => {
    let n = 0;
    const form = useFilingForm('qianpu-yili-west');
    Object.assign(form.state.draft, filled());
    const p = form.addPhoto('p1', 'a.jpg');
    expect(form.problems(BUILDINGS).attachmentIds).toEqual({ key: 'photosUploading' });
    Object.assign(form.photo('p1')!, { status: 'done', attachmentId: 'att-9' });
    expect(p.key).toBe('p1');
    expect(form.problems(BUILDINGS)).toEqual({});
    const first = form.attempt(() => `k${++n}`);
    expect(first.body.attachmentIds).toEqual(['att-9']);
    expect(form.attempt(() => `k${++n}`).key).toBe(first.key);
    form.removePhoto('p1');
    expect(form.attempt(() => `k${++n}`).key).not.toBe(first.key);
    form.reset();
    expect(form.state.draft).toEqual(emptyDraft('qianpu-yili-west'));
    expect(form.state.photos).toEqual([]);
    expect(form.state.attempt).toBeNull();
  });

  it('lays the service’s 400 on the form: a unit under the building picker, the rest at the top, in the user’s words', () => {
    const byField = fieldErrors({
      status: 400,
      title: 'Bad Request',
      detail: 'x',
      errors: [
        'location.unit: 9单元 is not a unit of building 3',
        'title must be shorter than or equal to 120 characters',
        'the reporter is not a resident of this community',
      ],
    });
    const say = (m: string) => (m.includes('shorter') ? '不能超过 120 个字' : m);
    expect(placeServerProblems(byField, 'home', say)).toEqual({
      fields: { 'location.building': '9单元 is not a unit of building 3', title: '不能超过 120 个字' },
      top: ['the reporter is not a resident of this community'],
    });
    expect(placeServerProblems({ location: ['location must be a text or an object'] }, 'area', say).fields).toEqual({
      'location.area': 'location must be a text or an object',
    });
  });
});
