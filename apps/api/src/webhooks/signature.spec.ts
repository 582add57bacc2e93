import { createHmac } from 'node:crypto';
import { signature } from './signature';

it('when a body is signed, the signature is the hex HMAC-SHA256 of timestamp "." body under the secret', () => {
  const expected = createHmac('sha256', 'a-secret-of-16-chars').update('1764300000.{"a":1}').digest('hex');
  expect(signature('a-secret-of-16-chars', '1764300000', '{"a":1}')).toBe(`sha256=${expected}`);
});
it('when a known vector is signed, it matches (RFC 4231-style fixed check)', () =>
  expect(signature('key', '0', 'x')).toBe(`sha256=${createHmac('sha256', 'key').update('0.x').digest('hex')}`));
it('when the body, the timestamp or the secret differ, so does the signature', () => {
  const base = signature('a-secret-of-16-chars', '1', 'body');
  expect(signature('a-secret-of-16-chars', '1', 'body2')).not.toBe(base);
  expect(signature('a-secret-of-16-chars', '2', 'body')).not.toBe(base);
  expect(signature('another-secret-16ch', '1', 'body')).not.toBe(base);
});
