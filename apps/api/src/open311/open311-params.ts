import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * A request's GeoReport parameters, from the query string and (on POST) the form or JSON body:
 * clients put `jurisdiction_id` in the query and the rest in the body. Brackets and commas may come
 * escaped (`attribute%5Bbuilding%5D`, `%2C`): the query and form parsers decode them before this.
 * Parameters the spec does not define are ignored, not refused.
 */
export class Open311Params {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  static of(request: FastifyRequest): Open311Params {
    const values = new Map<string, string>();
    for (const source of [request.query, request.method === 'POST' ? request.body : undefined]) {
      if (!source || typeof source !== 'object') continue;
      for (const [key, value] of Object.entries(source as Record<string, unknown>)) collect(values, key, value);
    }
    return new Open311Params(values);
  }

  get(name: string): string | undefined {
    const value = this.values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  /** `attribute[building]`, from `attribute[building]=3` or a JSON body's `{attribute: {building: "3"}}`. */
  attribute(code: string): string | undefined {
    return this.get(`attribute[${code}]`);
  }

  /** A comma list (`service_request_id=a,b`), empty entries dropped. */
  list(name: string): string[] | undefined {
    const value = this.get(name);
    return value === undefined
      ? undefined
      : value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v.length > 0);
  }

  /** A number parameter (lat, long); a value that is not one is the client's mistake, named. */
  number(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new BadRequestException(`${name} must be a number`);
    return n;
  }

  /** An ISO-8601 datetime parameter (start_date, end_date), within 2000–2100 as every date of the API. */
  date(name: string): Date | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    const at = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 2100) {
      throw new BadRequestException(`${name} must be an ISO-8601 datetime within 2000-2100, e.g. 2026-12-01T00:00:00+08:00`);
    }
    return at;
  }
}

/** Repeated keys keep the first value; a JSON body's nested `attribute` object reads as bracketed keys. */
function collect(values: Map<string, string>, key: string, value: unknown): void {
  if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [code, inner] of Object.entries(value as Record<string, unknown>)) collect(values, `attribute[${code}]`, inner);
    return;
  }
  const first = Array.isArray(value) ? value[0] : value;
  if (values.has(key)) return;
  if (typeof first === 'string') values.set(key, first);
  else if (typeof first === 'number' || typeof first === 'boolean') values.set(key, String(first));
}
