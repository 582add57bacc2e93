import { placeText } from './monthly-report.rows';

describe('the place column of the monthly report', () => {
  it('names the building as registered, then unit, room, area and the resident’s words', () => {
    expect(placeText({ location: { building: '3', unit: '2单元', room: '1203', note: '电梯口' }, buildingName: '3号楼' })).toBe(
      '3号楼 2单元 1203 电梯口',
    );
  });

  it('does not repeat a note that only says the building and unit again', () => {
    expect(placeText({ location: { building: '3', unit: '2单元', note: '3号楼2单元' }, buildingName: '3号楼' })).toBe('3号楼 2单元');
  });

  it('shows a public area, an old text location, or nothing', () => {
    expect(placeText({ location: { area: '地下车库B区' }, buildingName: null })).toBe('地下车库B区');
    expect(placeText({ location: { note: '3号楼' }, buildingName: null })).toBe('3号楼');
    expect(placeText({ location: null, buildingName: null })).toBe('');
  });

  it('falls back to the code when the building is not (or no longer) registered', () => {
    expect(placeText({ location: { building: '7' }, buildingName: null })).toBe('7号楼');
  });
});
