import { describe, expect, it } from 'vitest';
import { reportTilesUrl } from './tile-urls.ts';

describe('reportTilesUrl', () => {
  const origin = 'http://127.0.0.1:3000';

  it('asks for every category when none is filtered', () => {
    expect(reportTilesUrl(origin, {})).toBe('http://127.0.0.1:3000/tiles/reports/{z}/{x}/{y}.mvt');
  });

  it('puts the chosen categories and the cache-busting version in the query', () => {
    expect(reportTilesUrl(origin, { categories: ['banjir', 'jalan_rusak'], version: 1700000000000 }))
      .toBe('http://127.0.0.1:3000/tiles/reports/{z}/{x}/{y}.mvt?category=banjir,jalan_rusak&v=1700000000000');
  });
});
