import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['电梯停运', '电梯停运'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1,"2"', `"'=1,""2"""`],
    // OWASP's payload list, and the ways around a check of the first character only.
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['@SUM(1+9)*cmd', "'@SUM(1+9)*cmd"],
    [' =1+1', "' =1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['|x', "'|x"],
    ['   plain', '   plain'],
    ['a=b', 'a=b'],
  ])('when the text is %p, the cell is %p', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('when the value is a number, a boolean or missing, it is written plainly and never quoted', () => {
    expect([csvCell(-1.5), csvCell(0), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual(['-1.5', '0', 'true', '', '']);
  });
});

describe('toCsv', () => {
  it('when rows are written, the text starts with the UTF-8 BOM and every line ends with CRLF', () => {
    const csv = toCsv([
      ['id', '标题'],
      ['t1', '三号楼, "电梯"'],
    ]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFFid,标题\r\nt1,"三号楼, ""电梯"""\r\n');
  });
});
