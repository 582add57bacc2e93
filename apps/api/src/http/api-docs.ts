import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiProperty, ApiPropertyOptional, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CommandResultDto } from '../commands/command-result.dto';

/**
 * The OpenAPI side of the HTTP conventions every controller shares (SPEC §8): the problem document
 * of problem.filter.ts, the concurrency headers of command-context.ts, the ETag and position headers
 * of answer.ts, read-your-writes' minPosition. Declared once here, so the document cannot describe
 * one endpoint's errors one way and the next another.
 */

/** application/problem+json, as ProblemFilter writes it (RFC 9457). */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'title must be shorter than or equal to 200 characters' }) detail: string;
  @ApiPropertyOptional({ description: 'a stable code to branch on, where the service gives one', example: 'TICKET_NOT_FOUND' })
  code?: string;
  @ApiPropertyOptional({
    description: 'one message per problem, each naming the field (always on 400)',
    type: [String],
    example: ['title must be shorter than or equal to 200 characters'],
  })
  errors?: string[];
  @ApiPropertyOptional({ description: 'the request path, tokens and keys redacted', example: '/tickets' }) instance?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;
/** A status alone (its usual meaning here), or a status with what it means on this operation. */
export type ErrorSpec = ErrorStatus | readonly [ErrorStatus, string];

const MEANING: Record<ErrorStatus, string> = {
  400: 'the request is malformed: each problem is named in `errors`',
  401: 'no valid Bearer token or session cookie',
  403: 'the caller’s roles or scope do not allow this (or a cookie-authenticated change without X-CSRF-Token)',
  404: 'no such resource, or not one the caller may see',
  409: 'the resource’s state does not allow this now',
  412: 'If-Match names a version the resource has moved past: read it again',
  413: 'the body is too large',
  415: 'the body is not of a media type this operation takes (application/json)',
  422: 'this Idempotency-Key was already used with a different request',
  428: 'this operation requires If-Match',
  429: 'too many requests: see Retry-After',
  503: 'a store is not reachable right now: retry shortly',
};

const problemContent = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } };

/** Error responses, each with the problem document's schema. */
export function ApiErrors(...specs: readonly ErrorSpec[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...specs.map((spec) => {
      const [status, description] = typeof spec === 'number' ? [spec, MEANING[spec]] : spec;
      return ApiResponse({
        status,
        description,
        content: problemContent,
        ...(status === 429 && { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', example: 60 } } } }),
      });
    }),
  );
}

const ETAG = { description: 'the version, quoted: send it back as If-Match', schema: { type: 'string', example: '"3"' } };
const POSITION = {
  description: 'global position of the last event written: pass as ?minPosition= to read your write',
  schema: { type: 'integer', example: 1042 },
};

/** The request headers every command reads (command-context.ts). */
export function ApiCommandHeaders(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the version the client saw (bare or quoted); if the resource has moved on the answer is 412 and nothing is written',
      schema: { type: 'string', example: '"3"' },
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1-200 visible ASCII characters: a retry with the same key and body gets the first answer; another body, 422',
      schema: { type: 'string', example: 'a3f1c2e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b' },
    }),
    ApiHeader({
      name: 'X-CSRF-Token',
      required: false,
      description: 'required when authenticated by the session cookie: the csrfToken of POST /auth/sign-in or GET /auth/me',
      schema: { type: 'string', example: 'q9Xv3mT2bLk8sWc1rZp4' },
    }),
  );
}

export type CommandDocs = Readonly<{
  /** 200 (a change) or 201 (something new). */
  status?: 200 | 201;
  /** What answers, when not {id, version, position}. */
  type?: Type;
  /** The errors beyond those every command can meet (400, 401, 403, 409, 412, 413, 415, 422). */
  errors?: readonly ErrorSpec[];
}>;

/**
 * A command (one stream written through handleCommand and answer()): If-Match, Idempotency-Key and
 * X-CSRF-Token in; {id, version, position} with ETag and Jinlin-Position out; the errors every
 * command can meet, plus the operation's own.
 */
export function ApiCommand({ status = 200, type = CommandResultDto, errors = [] }: CommandDocs = {}): MethodDecorator {
  const own = new Map(errors.map((e) => [typeof e === 'number' ? e : e[0], e]));
  const common: ErrorStatus[] = [400, 401, 403, 409, 412, 413, 415, 422];
  return applyDecorators(
    ApiCommandHeaders(),
    ApiResponse({ status, type, headers: { ETag: ETAG, 'Jinlin-Position': POSITION } }),
    ApiErrors(...common.filter((s) => !own.has(s)), ...own.values()),
  );
}

export type ReadDocs = Readonly<{
  /** The answer's schema; or give `schema`. */
  type?: Type | [Type];
  schema?: Record<string, unknown>;
  description?: string;
  /** The answer carries the resource's version as ETag (for If-Match on its commands). */
  etag?: boolean;
  /** Public routes meet no 401. */
  public?: boolean;
  errors?: readonly ErrorSpec[];
  /**
   * The read waits for ?minPosition= (read-your-writes.ts): 'query' documents the parameter here,
   * 'dto' when the query DTO already has it. Either way the answer may say Jinlin-Stale.
   */
  minPosition?: 'query' | 'dto';
  /** Also the Jinlin-Min-Position request header, which some reads take instead of the parameter. */
  minPositionHeader?: boolean;
}>;

const STALE = { description: 'true when the projections did not reach minPosition in time', schema: { type: 'string', example: 'true' } };
const MIN_POSITION = 'wait (briefly) until the projections have applied this global position: the Jinlin-Position of a write';

/** A read: its answer's schema, ETag where given, and 400 (a bad query) and 401 as every read can meet. */
export function ApiRead(docs: ReadDocs = {}): MethodDecorator {
  const own = new Map((docs.errors ?? []).map((e) => [typeof e === 'number' ? e : e[0], e]));
  const common: ErrorStatus[] = docs.public ? [400] : [400, 401];
  const headers = { ...(docs.etag && { ETag: ETAG }), ...(docs.minPosition && { 'Jinlin-Stale': STALE }) };
  return applyDecorators(
    ApiResponse({
      status: 200,
      description: docs.description ?? 'OK',
      ...(docs.type && { type: docs.type }),
      ...(docs.schema && { schema: docs.schema }),
      ...(Object.keys(headers).length && { headers }),
    }),
    ...(docs.minPosition === 'query'
      ? [ApiQuery({ name: 'minPosition', required: false, description: MIN_POSITION, schema: { type: 'integer', example: 1042 } })]
      : []),
    ...(docs.minPositionHeader
      ? [ApiHeader({ name: 'Jinlin-Min-Position', required: false, description: MIN_POSITION, schema: { type: 'integer', example: 1042 } })]
      : []),
    ApiErrors(...common.filter((s) => !own.has(s)), ...own.values()),
  );
}

/** True when a response DTO and the view it describes have the same fields; false (a compile error below) when they part ways. */
export type SameKeys<Dto, View> = [Exclude<keyof Dto, keyof View>, Exclude<keyof View, keyof Dto>] extends [never, never] ? true : false;
/** `describes<TicketViewDto, TicketView>(true)` fails to compile once the view gains or loses a field the DTO does not. */
export const describes = <Dto, View>(same: SameKeys<Dto, View>): boolean => same;
