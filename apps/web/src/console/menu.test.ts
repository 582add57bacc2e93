import { describe, expect, it } from 'vitest';
import { activeEntry } from './menu';

describe('activeEntry', () => {
  const entries = ['/console/queue', '/console/file', '/console/admin', '/console/admin/people', '/console/overview'];

  it('takes the longest prefix, not the first listed', () => {
    expect(activeEntry(entries, '/console/admin/people')).toBe('/console/admin/people');
    expect(activeEntry(entries, '/console/admin/people/xiaochen')).toBe('/console/admin/people');
    expect(activeEntry(entries, '/console/admin/communities/qianpu')).toBe('/console/admin');
  });

  it('matches whole path segments only', () => {
    expect(activeEntry(entries, '/console/filed')).toBeUndefined();
    expect(activeEntry(entries, '/console/file')).toBe('/console/file');
  });

  it('has no entry for a page outside the menu', () => {
    expect(activeEntry(entries, '/console/tickets/abc')).toBeUndefined();
  });
});
