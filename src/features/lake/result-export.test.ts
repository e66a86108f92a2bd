import { describe, expect, it } from 'vitest';
import { resultsCsv, resultsJson } from './result-export';

describe('query result files', () => {
  it('neutralises spreadsheet formulas and quotes CSV fields', () => {
    expect(
      resultsCsv(
        ['user', 'n'],
        [
          ['=HYPERLINK("x")', '1'],
          ['a,b', '-2'],
        ],
      ),
    ).toBe('user,n\r\n"\'=HYPERLINK(""x"")",1\r\n"a,b",\'-2\r\n');
  });

  it.each([
    ['+SUM(A1)', "'+SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['plain', 'plain'],
  ])('neutralises %j in cells and headers', (cell, expected) => {
    expect(resultsCsv([cell], [[cell]])).toBe(`${expected}\r\n${expected}\r\n`);
  });

  it('writes JSON rows as column → value objects', () => {
    expect(JSON.parse(resultsJson(['a', 'b'], [['1', '2']]))).toEqual([{ a: '1', b: '2' }]);
  });
});
