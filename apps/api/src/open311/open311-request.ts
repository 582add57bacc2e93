import type { FastifyRequest } from 'fastify';
import type { Principal } from '@jinlin/domain';

/** Where the request came in (behind TRUST_PROXY_HOPS proxies, what they say): for absolute URLs. */
export const originOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export type Open311Request = FastifyRequest & { user?: Principal };
