/**
 * The service's failures (application/problem+json, apps/api/src/http/problem.filter.ts) as the
 * user reads them: in their language, next to the field that caused them.
 */
export type Problem = { status: number; title: string; detail: string; code?: string; errors?: string[] };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** From Retry-After (429 on sign-in). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail || problem.title);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'detail' in body) return body as Problem;
  return { status, title: String(status), detail: typeof body === 'string' ? body : '' };
}

/**
 * One message per field: class-validator messages start with the field's path ("title must be
 * shorter…", "location.building: …"), so the first word names the field. Messages that name no field
 * go under '' (shown at the top of the form).
 */
export function fieldErrors(problem: Problem): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const messages = problem.errors?.length ? problem.errors : [problem.detail];
  for (const message of messages) {
    const match = /^([A-Za-z][\w.[\]]*)(?::|\s)/.exec(message);
    const field = match && FIELD_WORD.test(match[1]) ? match[1].replace(/\[\d+\]/g, '') : '';
    (out[field] ??= []).push(message);
  }
  return out;
}
// A word such as "the" or "a" starts a sentence, not a field.
const FIELD_WORD = /^(?!(?:the|a|an|no|this|that|at|only|one|each|every|it|you|your|ticket|unknown|must)\b)[a-z][\w.]*$/;

type Locale = 'zh-CN' | 'en';

/** The patterns class-validator and the domain use, in Chinese; English keeps the service's words. */
const ZH: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/should not be empty|must be a non-empty|should not be null or undefined/, () => '不能为空'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `不能超过 ${m[1]} 个字`],
  [/must be longer than or equal to (\d+) characters/, (m) => `至少 ${m[1]} 个字`],
  [/must be one of the following values: (.+)$/, (m) => `只能是：${m[1]}`],
  [/must not be less than (\d+)/, (m) => `不能小于 ${m[1]}`],
  [/must not be greater than (\d+)/, (m) => `不能大于 ${m[1]}`],
  [/must be an integer/, () => '必须是整数'],
  [/must be a string/, () => '必须是文字'],
  [/must be a boolean/, () => '必须是是/否'],
  [/must be an array/, () => '必须是列表'],
  [/property (\S+) should not exist/, (m) => `不应包含 ${m[1]}`],
];

const BY_STATUS: Record<Locale, Record<number, string>> = {
  'zh-CN': {
    0: '网络不通，请检查网络后重试',
    401: '登录已失效，请重新登录',
    403: '您没有权限进行此操作',
    404: '找不到该内容，或您无权查看',
    409: '内容已被他人修改，请刷新后重试',
    412: '内容已被他人修改，请刷新后重试',
    413: '文件太大',
    415: '不支持的文件类型',
    429: '尝试次数过多，请稍后再试',
    500: '服务器出错了，请稍后重试',
    503: '服务暂时不可用，请稍后重试',
  },
  en: {
    0: 'No network connection; check it and retry',
    401: 'Your session has ended; please sign in again',
    403: 'You may not do this',
    404: 'Not found, or not yours to see',
    409: 'Someone else changed this; reload and retry',
    412: 'Someone else changed this; reload and retry',
    413: 'The file is too large',
    415: 'This file type is not supported',
    429: 'Too many attempts; try again later',
    500: 'The server failed; please retry later',
    503: 'The service is unavailable right now; retry shortly',
  },
};

/** A service message in the user's language: translated where we know the pattern, else as sent. */
export function describe(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}

/** The headline of a failure: the status's meaning, with the service's detail for 4xx it explains. */
export function headline(error: ApiError, locale: Locale): string {
  const general = BY_STATUS[locale][error.status] ?? BY_STATUS[locale][error.status >= 500 ? 500 : 0];
  if (error.status === 400 || error.status === 422) return describe(error.problem.detail, locale);
  return general ?? error.problem.detail;
}
