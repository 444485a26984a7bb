import { toCsv } from '../../../../functions/app/exports/csv';
import { integer, text, type ExportTable } from '../../../../functions/app/exports/export-table';
import { monthPeriod } from '../../../../functions/app/exports/issue-kpis';

const table = (title: string, rows: ExportTable['rows']): ExportTable => ({ title, columns: [text('工作站'), integer('场次'), text('原因')], rows });

describe('CSV export', () => {
  test('given one table with commas, quotes, line breaks and empty cells, when written, then it is RFC 4180 with a byte-order mark and no title line', () => {
    const csv = toCsv([table('达标', [['大世界, 一站', 1, '说"不足"'], ['京九', null, '第一行\n第二行']])]);

    expect(csv).toBe('\uFEFF工作站,场次,原因\r\n"大世界, 一站",1,"说""不足"""\r\n京九,,"第一行\n第二行"\r\n');
  });

  test('given two tables, when written, then each follows its title line with a blank line between', () => {
    const csv = toCsv([table('达标', [['a', 1, '']]), table('人员出勤', [])]);

    expect(csv).toBe('\uFEFF达标\r\n工作站,场次,原因\r\na,1,\r\n\r\n人员出勤\r\n工作站,场次,原因\r\n');
  });
});

describe('monthPeriod', () => {
  test('given a month, when turned into a period, then it runs from the first to the last day, leap years included', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  test('given something that is not YYYY-MM, when turned into a period, then it is refused naming the format', () => {
    expect(() => monthPeriod('2026-13')).toThrow('a month is written YYYY-MM, not "2026-13"');
    expect(() => monthPeriod('11/2026')).toThrow('YYYY-MM');
  });
});
