import { describe as group, expect, it } from 'vitest';
import { describeAdmin, fieldOf, formErrors, joinList, normaliseDate, parseDates, parseMinutes, splitList } from './forms';

group('list fields as admins type them', () => {
  it('splits units on lines, commas, 、 and semicolons, trims them and drops blank entries, keeping duplicates for the service to judge', () => {
    expect(splitList('1单元\n 2单元 ,3单元、4单元；\n\n 2单元 ')).toEqual(['1单元', '2单元', '3单元', '4单元', '2单元']);
    expect(splitList('  \n ，')).toEqual([]);
    expect(splitList(joinList(['1单元', '2单元']))).toEqual(['1单元', '2单元']);
  });

  it('writes dates as the service reads them and passes what is no date on unchanged', () => {
    expect(normaliseDate('2027-1-1')).toBe('2027-01-01');
    expect(normaliseDate('2027/10/08')).toBe('2027-10-08');
    expect(normaliseDate('2027年2月14日')).toBe('2027-02-14');
    expect(normaliseDate('2027-13-45')).toBe('2027-13-45');
    expect(normaliseDate(' tomorrow ')).toBe('tomorrow');
    expect(parseDates('2027-1-1, 2027-10-1\n2027-10-02')).toEqual(['2027-01-01', '2027-10-01', '2027-10-02']);
  });

  it('reads escalation minutes as numbers and leaves a word for the service to refuse', () => {
    expect(parseMinutes('0, 1440 ,4320')).toEqual([0, 1440, 4320]);
    expect(parseMinutes('0, soon')).toEqual([0, 'soon']);
  });
});

group("the service's refusals next to their fields", () => {
  it('finds the field a message names, whatever form it takes', () => {
    expect(fieldOf('units must be listed once each')).toBe('units');
    expect(fieldOf('units: each unit must be 1 to 20 characters')).toBe('units');
    expect(fieldOf('holidays[2]: 2027-13-01 is not a date (YYYY-MM-DD)')).toBe('holidays');
    expect(fieldOf('each value in roles must be one of: resident, staff')).toBe('roles');
    expect(fieldOf('community qianpu is already registered')).toBe('id');
    expect(fieldOf('the database is not reachable')).toBeNull();
    expect(fieldOf('If-Match 3 is stale: the current version is 4')).toBeNull();
  });

  it('says duplicate and blank units, bad times and dates in Chinese, and keeps English as sent', () => {
    expect(describeAdmin('units must be listed once each', 'zh-CN')).toBe('每项只能填写一次，不能重复');
    expect(describeAdmin('units must not hold a blank unit', 'zh-CN')).toBe('不能有空白的单元');
    expect(describeAdmin('end: 08:00 must be later than start 09:00', 'zh-CN')).toBe('下班时间须晚于上班时间');
    expect(describeAdmin('start: 25:00 is not a time (HH:MM, 00:00 to 23:59)', 'zh-CN')).toContain('25:00 不是有效的时间');
    expect(describeAdmin('workdays[0]: 2027-02-14 is also a holiday', 'zh-CN')).toBe('2027-02-14 同时被列为节假日');
    expect(describeAdmin('companyId: only staff and managers belong to a property company', 'zh-CN')).toBe(
      '只有物业员工和经理属于物业公司',
    );
    expect(describeAdmin('name should not be empty', 'zh-CN')).toBe('不能为空');
    expect(describeAdmin('units must be listed once each', 'en')).toBe('units must be listed once each');
  });

  it("spreads a refusal over the form's fields, joined problems split, the rest at the top", () => {
    const problem = {
      status: 400,
      title: 'Bad Request',
      detail: 'start: 8 is not a time (HH:MM, 00:00 to 23:59); end: 9 is not a time (HH:MM, 00:00 to 23:59)',
    };
    expect(formErrors(problem, ['start', 'end'], 'zh-CN')).toEqual({
      fields: { start: '8 不是有效的时间（时:分，00:00 至 23:59）', end: '9 不是有效的时间（时:分，00:00 至 23:59）' },
      general: [],
    });
    const several = {
      status: 400,
      title: 'Bad Request',
      detail: 'x',
      errors: ['units must be listed once each', 'units must not hold a blank unit', 'colour must be a string'],
    };
    expect(formErrors(several, ['name', 'units'], 'zh-CN')).toEqual({
      fields: { units: '每项只能填写一次，不能重复；不能有空白的单元' },
      general: ['必须是文字'],
    });
    expect(formErrors({ status: 409, title: 'Conflict', detail: 'too many concurrent changes; try again' }, ['id'], 'en').general).toEqual([
      'too many concurrent changes; try again',
    ]);
  });
});
