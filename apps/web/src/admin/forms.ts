import { describe, type Problem } from '../api/problems';

type Locale = 'zh-CN' | 'en';

/**
 * What an admin types into a list field (units of a building, holiday dates, escalation minutes):
 * one entry per line or separated by commas, 、 or semicolons, trimmed; blank entries dropped. A
 * duplicate is kept: the service judges the list and its answer says what is wrong, in one place.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[\n\r,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The list back as the editor shows it, one entry per line. */
export const joinList = (items: readonly (string | number)[]): string => items.join('\n');

/**
 * Dates as people write them (2027-1-1, 2027/01/01, 2027.1.1) in the service's YYYY-MM-DD; what is
 * not a date is passed on unchanged so that the service's answer names it.
 */
export function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}
export const parseDates = (text: string): string[] => splitList(text).map(normaliseDate);

/** "0, 1440, 4320" → [0, 1440, 4320]; a word that is no number is sent as typed, for the service to refuse. */
export function parseMinutes(text: string): number[] {
  return splitList(text).map((s) => (/^-?\d+$/.test(s) ? Number(s) : (s as unknown as number)));
}

/**
 * The admin screens' service messages in Chinese, beyond the common validation phrases
 * (api/problems.ts describe): buildings' units, working hours, calendars, ids, webhooks, people.
 */
const ZH: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/must be listed once each/, () => '每项只能填写一次，不能重复'],
  [/must not hold a blank unit/, () => '不能有空白的单元'],
  [/each unit must be 1 to (\d+) characters/, (m) => `每个单元须为 1 至 ${m[1]} 个字`],
  [/must be (\d+) to (\d+) characters$/, (m) => `须为 ${m[1]} 至 ${m[2]} 个字`],
  [/must not be blank/, () => '不能为空白'],
  [
    /must be 2-64 characters of a-z, 0-9 and -|must be an id \(2-64|must be a (?:company|community) id/,
    () => '须为 2 至 64 位小写字母、数字或 -',
  ],
  [/building must be 1-32 characters/, () => '楼栋编号须为 1 至 32 位小写字母、数字或 -'],
  [/(\S+) is not a time \(HH:MM/, (m) => `${m[1]} 不是有效的时间（时:分，00:00 至 23:59）`],
  [/must be later than start/, () => '下班时间须晚于上班时间'],
  [/: (\S+) is not a date \(YYYY-MM-DD\)/, (m) => `${m[1]} 不是有效的日期（年-月-日）`],
  [/: (\S+) is not in (\d{4})/, (m) => `${m[1]} 不在 ${m[2]} 年内`],
  [/: (\S+) is listed twice/, (m) => `${m[1]} 重复填写了`],
  [/: (\S+) is also a holiday/, (m) => `${m[1]} 同时被列为节假日`],
  [/^(?:community|company|person) (\S+) is already registered/, (m) => `${m[1]} 已经登记过了`],
  [/^webhook (\S+) is already registered/, (m) => `${m[1]} 已经登记过了（编号不能重复使用）`],
  [/username (\S+) is already taken/, (m) => `用户名 ${m[1]} 已被占用`],
  [/property company (\S+) is not registered/, (m) => `物业公司 ${m[1]} 尚未登记`],
  [/not registered: (.+)$/, (m) => `尚未登记：${m[1]}`],
  [/not a valid URL/, () => '不是有效的网址'],
  [/must be http or https/, () => '网址须以 http 或 https 开头'],
  [/is this service itself/, () => '不能推送到本服务自身'],
  [/is a link-local address/, () => '不允许推送到链路本地地址'],
  [/secret: at least (\d+) characters/, (m) => `密钥至少 ${m[1]} 个字符`],
  [/must be at least (\d+) characters/, (m) => `至少 ${m[1]} 个字符`],
  [/must not contain the username/, () => '不能包含用户名'],
  [/must be sorted ascending|must not be less than the step before/, () => '须从小到大排列'],
  [/has at most (\d+) steps/, (m) => `最多 ${m[1]} 级`],
  [/must be a whole number from 1 to 99/, () => '须为 1 至 99 的整数'],
  [/must be a phone number/, () => '不是有效的电话号码，例如 13812345678 或 0592-5551234'],
  [/username must be 3-64 characters/, () => '用户名须为 3 至 64 位字母、数字或 _ . @ -'],
  [/only staff and managers belong to a property company/, () => '只有物业员工和经理属于物业公司'],
  [/staff and managers belong to a property company/, () => '物业员工和经理须属于一家物业公司'],
  [/^community (\S+) is not registered/, (m) => `小区 ${m[1]} 尚未登记`],
  [/either a resident or staff\/manager/, () => '同一个人不能既是居民又是物业员工或经理'],
  [/belongs to at least one community/, () => '至少属于一个小区'],
  [/events: not event types that webhooks receive: (.+)$/, (m) => `不是可推送的事件：${m[1]}`],
];

/** A service message in the user's language: the admin's phrases first, then the common ones. */
export function describeAdmin(message: string, locale: Locale): string {
  if (locale === 'zh-CN')
    for (const [pattern, say] of ZH) {
      const m = pattern.exec(message);
      if (m) return say(m);
    }
  return describe(message, locale);
}

/** "units: …", "holidays[2]: …", "each value in roles must …", "name must …" → the field's name. */
export function fieldOf(message: string): string | null {
  // A conflict on the id the client chose: "community x is already registered".
  if (/^(?:community|company|person|webhook) \S+ is already registered/.test(message)) return 'id';
  const each = /^each value in ([a-z][\w]*)\b/.exec(message);
  if (each) return each[1];
  const m = /^([a-z][A-Za-z0-9]*)(?:\[\d+\])?(?:\.[\w[\]]+)*(?::|\s)/.exec(message);
  if (!m || SENTENCE_WORDS.has(m[1])) return null;
  return m[1];
}
const SENTENCE_WORDS = new Set([
  'the',
  'a',
  'an',
  'no',
  'this',
  'that',
  'at',
  'only',
  'one',
  'each',
  'every',
  'it',
  'you',
  'your',
  'ticket',
  'unknown',
  'must',
  'too',
  'community',
  'company',
  'person',
  'webhook',
  'property',
  'someone',
]);

export type FormErrors = { fields: Record<string, string>; general: string[] };

/**
 * The service's refusal spread over the form: each message next to the field it names (when the
 * form has that field), the rest at the top; several problems joined by "; " are split apart.
 */
export function formErrors(problem: Problem, fields: readonly string[], locale: Locale): FormErrors {
  const messages = (problem.errors?.length ? problem.errors : [problem.detail]).flatMap((m) =>
    m.split(/;\s+(?=[a-z][A-Za-z0-9]*(?:\[\d+\])?(?::|\s+(?:must|has)\b))/),
  );
  const out: FormErrors = { fields: {}, general: [] };
  for (const message of messages) {
    if (!message) continue;
    const field = fieldOf(message);
    const said = describeAdmin(message, locale);
    if (field && fields.includes(field)) out.fields[field] = out.fields[field] ? `${out.fields[field]}；${said}` : said;
    else out.general.push(said);
  }
  return out;
}
