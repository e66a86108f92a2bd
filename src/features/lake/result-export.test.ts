import { describe, expect, it } from 'vitest';
import { resultsJson } from './result-export';

describe('query result files', () => {
  it('writes JSON rows as column → value objects', () => {
    expect(JSON.parse(resultsJson(['a', 'b'], [['1', '2']]))).toEqual([{ a: '1', b: '2' }]);
  });
});
