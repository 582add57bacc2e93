import { describe, expect, it } from 'vitest';
import { ApiError, describe as say, fieldErrors, headline } from './problems';

describe('the service problems as the user reads them', () => {
  it('puts each validation message under the field it names, and the rest at the top', () => {
    const errors = fieldErrors({
      status: 400,
      title: 'Bad Request',
      detail: 'x',
      errors: [
        'title must be shorter than or equal to 80 characters',
        'location.building: unknown building 99',
        'the reporter is not a resident of this community',
      ],
    });
    expect(Object.keys(errors).sort()).toEqual(['', 'location.building', 'title']);
    expect(errors.title).toEqual(['title must be shorter than or equal to 80 characters']);
    expect(errors['']).toEqual(['the reporter is not a resident of this community']);
  });

  it('says class-validator messages in Chinese, keeps the English ones as sent', () => {
    expect(say('title must be shorter than or equal to 80 characters', 'zh-CN')).toBe('不能超过 80 个字');
    expect(say('description should not be empty', 'zh-CN')).toBe('不能为空');
    expect(say('title must be shorter than or equal to 80 characters', 'en')).toBe('title must be shorter than or equal to 80 characters');
  });

  it('gives a conflict its meaning, and a lost network its own words', () => {
    expect(headline(new ApiError(409, { status: 409, title: 'Conflict', detail: 'version 3 expected' }), 'zh-CN')).toContain(
      '已被他人修改',
    );
    expect(headline(new ApiError(0, { status: 0, title: 'offline', detail: 'Failed to fetch' }), 'en')).toContain('No network');
  });
});
