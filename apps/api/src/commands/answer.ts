import type { FastifyReply } from 'fastify';
import type { CommandResult } from './handle-command';

export const POSITION_HEADER = 'jinlin-position';

/** Every command answer: {id, version, position}, the version as ETag, the position for read-your-writes. */
export function answer(reply: FastifyReply, result: CommandResult): CommandResult {
  void reply.header('etag', `"${result.version}"`).header(POSITION_HEADER, String(result.position));
  return result;
}
