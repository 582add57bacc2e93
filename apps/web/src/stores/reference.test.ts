import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Building, Category, CommunitySummary, Company } from '../api/views';
import { deferred, described, freshPinia, json, problem } from '../test-support';
import { useReference } from './reference';

// The service is the boundary: openapi-fetch takes globalThis.fetch when api/client.ts is first
// imported, so the stand-in goes in before the imports run.
const service = vi.hoisted(() => {
  const fetch = vi.fn<typeof globalThis.fetch>();
  globalThis.fetch = fetch;
  return fetch;
});
/** What the client asked for, in order: "GET /categories", … */
const asked = () => service.mock.calls.map(([input, init]) => described(input, init));

const sla = {
  acknowledgeWithinMinutes: 30,
  clock: 'continuous',
  escalateAfterBreachMinutes: [],
  resolveWithinMinutes: 1440,
  warnAtPercent: 80,
};
const categories: Category[] = [
  { code: 'elevator', nameZh: '电梯', nameEn: 'Lift', defaultSla: sla } as Category,
  { code: 'noise', nameZh: '噪音', nameEn: 'Noise', defaultSla: sla } as Category,
];
const communities: CommunitySummary[] = [
  { id: 'qianpu', name: '前浦花园', neighbourhood: 'n1', subdistrict: 's1', propertyCompanyId: 'lvyuan' },
  { id: 'hexie', name: '和谐家园', neighbourhood: 'n1', subdistrict: 's1', propertyCompanyId: 'lvyuan' },
];
const companies: Company[] = [{ id: 'lvyuan', name: '绿苑物业', communities: ['qianpu', 'hexie'], registeredAt: '2025-01-01T00:00:00Z' }];
const buildingsOf = (community: string): Building[] => [
  { code: `${community}-1`, name: '1 号楼', units: ['1', '2'], changedAt: '2025-01-01T00:00:00Z' },
];

/** A service that answers each read at once, from the fixtures above. */
function answersEverything() {
  service.mockImplementation(async (input, init) => {
    const what = described(input, init);
    if (what === 'GET /categories') return json({ items: categories });
    if (what === 'GET /communities') return json({ items: communities });
    if (what.startsWith('GET /companies')) return json({ items: companies });
    const buildings = /^GET \/communities\/([^/]+)\/buildings$/.exec(what);
    if (buildings) return json({ items: buildingsOf(buildings[1]) });
    return problem(404, 'NOT_FOUND');
  });
}

beforeEach(() => {
  service.mockReset();
  freshPinia();
});

describe('reference store: one request per resource at a time', () => {
  it('gives callers who ask at once the one answer still in flight', async () => {
    const answer = deferred<Response>();
    service.mockReturnValue(answer.promise);
    const reference = useReference();

    const asking = [reference.loadCategories(), reference.loadCategories(), reference.loadCategories()];
    await Promise.resolve();
    expect(asked()).toEqual(['GET /categories']);

    answer.resolve(json({ items: categories }));
    const answers = await Promise.all(asking);
    expect(answers.map((a) => a.map((c) => c.code))).toEqual([
      ['elevator', 'noise'],
      ['elevator', 'noise'],
      ['elevator', 'noise'],
    ]);
    expect(service).toHaveBeenCalledTimes(1);
  });

  it('shares communities the same way, and buildings per community', async () => {
    answersEverything();
    const reference = useReference();

    const [a, b] = await Promise.all([reference.loadCommunities(), reference.loadCommunities()]);
    expect(a).toEqual(communities);
    expect(b).toEqual(communities);

    const [qianpu1, qianpu2, hexie] = await Promise.all([
      reference.loadBuildings('qianpu'),
      reference.loadBuildings('qianpu'),
      reference.loadBuildings('hexie'),
    ]);
    expect(qianpu1).toEqual(buildingsOf('qianpu'));
    expect(qianpu2).toEqual(buildingsOf('qianpu'));
    expect(hexie).toEqual(buildingsOf('hexie'));
    expect(asked()).toEqual(['GET /communities', 'GET /communities/qianpu/buildings', 'GET /communities/hexie/buildings']);
  });

  it('does not ask again once it has the answer, unless the caller forces it', async () => {
    answersEverything();
    const reference = useReference();
    await reference.loadCategories();
    await reference.loadCommunities();
    await reference.loadBuildings('qianpu');
    await reference.loadCompanies();

    await reference.loadCategories();
    await reference.loadCommunities();
    await reference.loadBuildings('qianpu');
    await reference.loadCompanies();
    expect(service).toHaveBeenCalledTimes(4);

    await reference.loadCommunities(true);
    await reference.loadBuildings('qianpu', true);
    await reference.loadCompanies(true, 42);
    expect(asked().slice(4)).toEqual(['GET /communities', 'GET /communities/qianpu/buildings', 'GET /companies?minPosition=42']);
  });

  it('a forced read after a write asks anew even while an earlier read is still travelling', async () => {
    const earlier = deferred<Response>();
    service
      .mockReturnValueOnce(earlier.promise)
      .mockResolvedValueOnce(json({ items: [...communities, { ...communities[0], id: 'new-one' }] }));
    const reference = useReference();
    const warming = reference.loadCommunities();
    const fresh = await reference.loadCommunities(true);
    expect(asked()).toEqual(['GET /communities', 'GET /communities']);
    expect(fresh.map((c) => c.id)).toContain('new-one');
    earlier.resolve(json({ items: communities }));
    await warming;
    // The older answer, arriving last, does not overwrite the fresh one.
    expect(reference.communities.map((c) => c.id)).toContain('new-one');
  });

  it('asks again after a failed request instead of keeping the failure', async () => {
    service.mockResolvedValueOnce(problem(503, 'UNAVAILABLE'));
    const reference = useReference();
    await expect(reference.loadCategories()).rejects.toMatchObject({ status: 503 });
    expect(reference.categories).toEqual([]);

    answersEverything();
    expect(await reference.loadCategories()).toEqual(categories);
    expect(service).toHaveBeenCalledTimes(2);
  });
});

describe('reference store: warmUp', () => {
  it("asks a resident's categories, communities and own estates' buildings, which the screen then shares", async () => {
    answersEverything();
    const reference = useReference();
    reference.warmUp({ roles: ['resident'], communities: ['qianpu', 'hexie'] });

    // The filing screen, arriving while those travel, asks nothing more.
    await Promise.all([
      reference.loadCategories(),
      reference.loadCommunities(),
      reference.loadBuildings('qianpu'),
      reference.loadBuildings('hexie'),
    ]);
    expect(asked()).toEqual([
      'GET /categories',
      'GET /communities',
      'GET /communities/qianpu/buildings',
      'GET /communities/hexie/buildings',
    ]);
    expect(reference.buildings.hexie).toEqual(buildingsOf('hexie'));
  });

  it('asks a member of staff for categories and communities only: they see too many estates to guess', async () => {
    answersEverything();
    const reference = useReference();
    reference.warmUp({ roles: ['staff'], communities: ['qianpu', 'hexie'] });
    await Promise.all([reference.loadCategories(), reference.loadCommunities()]);
    // Buildings would have been asked in the same breath as the others, so before these answered.
    expect(asked()).toEqual(['GET /categories', 'GET /communities']);
  });

  it('asks a resident who also sits on the committee for no buildings either', async () => {
    answersEverything();
    const reference = useReference();
    reference.warmUp({ roles: ['resident', 'committee'], communities: ['qianpu'] });
    await Promise.all([reference.loadCategories(), reference.loadCommunities()]);
    expect(asked()).toEqual(['GET /categories', 'GET /communities']);
  });

  it('swallows a failed warm-up: the screen asks again and shows its own error', async () => {
    service.mockImplementation(async () => problem(503, 'UNAVAILABLE'));
    const reference = useReference();
    reference.warmUp({ roles: ['resident'], communities: ['qianpu'] });
    // An unhandled rejection here would fail the run; the screen's own call does see the failure.
    await expect(reference.loadBuildings('qianpu')).rejects.toMatchObject({ status: 503 });
    expect(asked()).toEqual(['GET /categories', 'GET /communities', 'GET /communities/qianpu/buildings']);
  });
});

describe('reference store: names', () => {
  it('names a community, company and category once read, and falls back to the code before', async () => {
    answersEverything();
    const reference = useReference();
    expect(reference.communityName('qianpu')).toBe('qianpu');
    expect(reference.companyName('lvyuan')).toBe('lvyuan');
    expect(reference.categoryName('elevator', 'zh-CN')).toBe('elevator');

    await Promise.all([reference.loadCommunities(), reference.loadCompanies(), reference.loadCategories()]);
    expect(reference.communityName('qianpu')).toBe('前浦花园');
    expect(reference.companyName('lvyuan')).toBe('绿苑物业');
    expect(reference.categoryName('elevator', 'zh-CN')).toBe('电梯');
    expect(reference.categoryName('elevator', 'en')).toBe('Lift');

    expect(reference.communityName('gone')).toBe('gone');
    expect(reference.companyName('gone')).toBe('gone');
    expect(reference.categoryName('other', 'en')).toBe('other');
  });
});
