import type { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { SelfAddress } from './address-rules';

export const SELF_ADDRESS = Symbol('SELF_ADDRESS');
export type SelfAddressOf = () => SelfAddress;

/**
 * Where the service listens, asked at each check (the port is known only once it listens; tests
 * listen on port 0). Bound to every address, each interface's address is its own.
 */
export function selfAddressOf(host: HttpAdapterHost, configuredPort: number): SelfAddressOf {
  return () => {
    const info = host.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
    if (!info || typeof info === 'string') return { port: configuredPort, addresses: ['0.0.0.0'] };
    const interfaces = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    const wildcard = info.address === '0.0.0.0' || info.address === '::';
    return { port: info.port, addresses: wildcard ? [info.address, ...interfaces] : [info.address] };
  };
}
