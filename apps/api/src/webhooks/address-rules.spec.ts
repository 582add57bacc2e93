import { addressRefusal, normalise, portOf } from './address-rules';

const self = { port: 3000, addresses: ['127.0.0.1'] };
const everywhere = { port: 3000, addresses: ['0.0.0.0', '10.0.0.5'] };

it('when the address is link-local IPv4 (the metadata service), it is refused', () =>
  expect(addressRefusal('169.254.169.254', 80, self)).toMatch(/link-local/));
it('when the address is link-local IPv6, it is refused', () => expect(addressRefusal('fe80::1', 80, self)).toMatch(/link-local/));
it('when a link-local IPv4 address is written as IPv4-mapped IPv6, it is refused', () =>
  expect(addressRefusal('::ffff:169.254.1.1', 80, self)).toMatch(/link-local/));
it('when the address is loopback on another port, it is allowed', () => expect(addressRefusal('127.0.0.1', 9000, self)).toBeNull());
it("when the address is loopback on the service's port, it is the service itself", () => {
  expect(addressRefusal('127.0.0.1', 3000, self)).toMatch(/itself/);
  expect(addressRefusal('127.0.0.2', 3000, self)).toMatch(/itself/);
  expect(addressRefusal('[::1]', 3000, self)).toMatch(/itself/);
});
it('when 0.0.0.0 is named on the service port, it is the service itself', () =>
  expect(addressRefusal('0.0.0.0', 3000, self)).toMatch(/itself/));
it('when the service listens everywhere, each of its addresses on its port is itself, others are not', () => {
  expect(addressRefusal('10.0.0.5', 3000, everywhere)).toMatch(/itself/);
  expect(addressRefusal('127.0.0.1', 3000, everywhere)).toMatch(/itself/);
  expect(addressRefusal('10.0.0.6', 3000, everywhere)).toBeNull();
});
it('when the service listens on one LAN address, loopback on its port is another program', () =>
  expect(addressRefusal('127.0.0.1', 3000, { port: 3000, addresses: ['10.0.0.5'] })).toBeNull());
it('when a public or private address is named, it is allowed', () => {
  expect(addressRefusal('203.0.113.7', 443, self)).toBeNull();
  expect(addressRefusal('192.168.1.20', 3000, self)).toBeNull();
});
it('when a URL names no port, the scheme gives it', () => {
  expect(portOf(new URL('https://example.com/x'))).toBe(443);
  expect(portOf(new URL('http://example.com/x'))).toBe(80);
  expect(portOf(new URL('http://example.com:8080/x'))).toBe(8080);
  expect(normalise('[FE80::1]')).toBe('fe80::1');
});
