import { describe, expect, it } from 'vitest';
import { emergingPatterns } from '../../../server/src/analytics/emerging-patterns.ts';
import { emergingColor, emergingLabels } from './emerging-labels.ts';

describe('emerging legend', () => {
  it('has a colour for every category the server labels, and no other', () => {
    expect(emergingLabels.map((e) => e.label).sort()).toEqual([...emergingPatterns].sort());
    expect(new Set(emergingLabels.map((e) => e.color.join())).size).toBe(emergingLabels.length);
    expect(emergingColor('intensifying_cold')).toEqual([0, 40, 180]);
  });
});
