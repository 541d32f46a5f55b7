import { describe, expect, it } from 'vitest';
import { mergeIntoLatest } from './results.ts';

describe('latest.json after a run of some areas', () => {
  it('keeps the other areas\' figures at the same report count, merges the area list and load, and forgets a failure run again', () => {
    const first = { reports: 1000, areas: ['tiles', 'seed'], tiles_p95: 9, load: { tiles: 1 }, failed_areas: { seed: 'EMLINK' } };
    const again = { reports: 1000, areas: ['seed'], seed: { seconds: 2 }, load: { seed: 2 } };
    expect(mergeIntoLatest(first, again)).toEqual({
      reports: 1000, areas: ['tiles', 'seed'], tiles_p95: 9, seed: { seconds: 2 }, load: { tiles: 1, seed: 2 }, failed_areas: undefined,
    });
  });

  it('keeps a failure of an area not run again, and starts afresh at another report count', () => {
    const first = { reports: 1000, areas: ['seed'], load: {}, failed_areas: { seed: 'EMLINK' } };
    expect(mergeIntoLatest(first, { reports: 1000, areas: ['tiles'], load: {} }).failed_areas).toEqual({ seed: 'EMLINK' });
    expect(mergeIntoLatest(first, { reports: 20, areas: ['tiles'] })).toEqual({ reports: 20, areas: ['tiles'] });
  });
});
