import { parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2025-11-01T00:00:00+08:00', '2025-10-31T16:00:00.000Z'],
    ['2025-11-01T00:00:00 08:00', '2025-10-31T16:00:00.000Z'],
    ['2025-11-01T00:00Z', '2025-11-01T00:00:00.000Z'],
    ['2025-11-01T08:30:15.1234-0130', '2025-11-01T10:00:15.123Z'],
    ['2024-02-29T12:00:00+08', '2024-02-29T04:00:00.000Z'],
  ])('when given %s, it is the instant %s', (text, expected) => {
    expect(new Date(parseInstant(text)!).toISOString()).toBe(expected);
  });

  it.each([
    '2025-11-01',
    '2025-11-01T00:00:00',
    '2025-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-11-01T24:00:00Z',
    'yesterday',
    '',
    42,
    ['2025-11-01T00:00:00Z'],
  ])('when given %p, it is refused', (text) => expect(parseInstant(text)).toBeNull());
});
