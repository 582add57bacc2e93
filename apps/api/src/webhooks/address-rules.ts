import { BlockList, isIP } from 'node:net';

/** Where this service listens: its own address and port may not be a webhook's target (SPEC §9). */
export type SelfAddress = Readonly<{ port: number; addresses: readonly string[] }>;

/** The cloud metadata services live here (169.254.169.254, fd00:ec2::254 aside): never called. */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** `::ffff:169.254.0.1` is 169.254.0.1 to the kernel, so it is judged as that. */
export function normalise(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped ? mapped[1] : bare;
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/**
 * Why a connection to this address and port is refused, or null. Loopback and private ranges are
 * allowed (SPEC §9: a receiver on the same machine is a real deployment, and the tests' one); the
 * service itself is not, whichever of its addresses (or 0.0.0.0, which reaches them) is named.
 */
export function addressRefusal(address: string, port: number, self: SelfAddress): string | null {
  const a = normalise(address);
  if (!isIP(a)) return `${address} is not an IP address`;
  if (LINK_LOCAL.check(a, family(a))) return `${a} is a link-local address`;
  if (port !== self.port) return null;
  const own = self.addresses.map(normalise);
  const wildcard = own.some((o) => UNSPECIFIED.has(o));
  const isSelf =
    UNSPECIFIED.has(a) || own.includes(a) || ((wildcard || own.some((o) => LOOPBACK.check(o, family(o)))) && LOOPBACK.check(a, family(a)));
  return isSelf ? `${a}:${port} is this service itself` : null;
}

/** The port a URL connects to: its own, else the scheme's. */
export const portOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
