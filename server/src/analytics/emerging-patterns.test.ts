import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingPatterns, mannKendall, normalTwoSidedP, type EmergingPattern } from './emerging-patterns.ts';

// Ten weekly steps (ArcGIS asks for at least ten). z follows the bin unless the trend matters.
const zOf = (bins: number[]) => bins.map((b) => b * 1.8);
const rising = [1.7, 1.9, 2.1, 2.4, 2.6, 2.9, 3.1, 3.4, 3.8, 4.2];
const steady = [2.2, 2.6, 2.3, 2.5, 2.1, 2.7, 2.4, 2.2, 2.6, 2.3];
const hot = (zs: number[]) => zs.map((z) => (z > 2.58 ? 3 : z > 1.96 ? 2 : 1));

const planted: [EmergingPattern, number[], number[]][] = [
  ['new', [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], zOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 2])],
  ['consecutive', [0, 0, 0, 0, 0, 0, 0, 1, 2, 2], zOf([0, 0, 0, 0, 0, 0, 0, 1, 2, 2])],
  ['intensifying', hot(rising), rising],
  ['persistent', hot(steady), steady],
  ['diminishing', hot([...rising].reverse()), [...rising].reverse()],
  ['sporadic', [0, 1, 0, 0, 1, 0, 0, 1, 0, 1], zOf([0, 1, 0, 0, 1, 0, 0, 1, 0, 1])],
  ['oscillating', [-1, -2, 0, 0, 0, 0, 0, 0, 0, 1], zOf([-1, -2, 0, 0, 0, 0, 0, 0, 0, 1])],
  ['historical', [1, 1, 2, 1, 1, 2, 1, 1, 1, 0], zOf([1, 1, 2, 1, 1, 2, 1, 1, 1, 0])],
];
const mirrored = planted.map(([p, bins, zs]) => [`${p}_cold`, bins.map((b) => -b), zs.map((z) => -z)] as [EmergingPattern, number[], number[]]);
const noPattern: [EmergingPattern, number[], number[]] = ['no_pattern', [1, 0, -1, 0, 0, 0, 0, 0, 0, 0], zOf([1, 0, -1, 0, 0, 0, 0, 0, 0, 0])];

describe('classifyEmerging', () => {
  const all = [...planted, ...mirrored, noPattern];

  it('plants each of the seventeen categories once', () => {
    expect(all.map(([p]) => p).sort()).toEqual([...emergingPatterns].sort());
  });

  it.each(all)('finds %s in %j', (pattern, bins, zs) => {
    expect(classifyEmerging(bins, zs).pattern).toBe(pattern);
  });

  it('tells a sporadic spot off at the final step from a historical one by the 90 % rule', () => {
    expect(classifyEmerging([1, 0, 1, 1, 0, 1, 1, 0, 1, 0], zOf([1, 0, 1, 1, 0, 1, 1, 0, 1, 0])).pattern).toBe('sporadic');
  });

  it('labels cold series as the mirror image of hot ones', () => {
    const bin = fc.integer({ min: -3, max: 3 });
    fc.assert(fc.property(fc.array(fc.tuple(bin, fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 10, maxLength: 52 }), (steps) => {
      const bins = steps.map(([b]) => b);
      const zs = steps.map(([, z]) => z);
      const forward = classifyEmerging(bins, zs).pattern;
      const mirror = classifyEmerging(bins.map((b) => -b), zs.map((z) => -z)).pattern;
      const hotAndCold = bins.some((b) => b > 0) && bins.some((b) => b < 0);
      // Only series significant on both sides can differ: the hot rules are tried first.
      if (!hotAndCold) {
        const flip = (p: string) => (p === 'no_pattern' ? p : p.endsWith('_cold') ? p.slice(0, -5) : `${p}_cold`);
        expect(mirror).toBe(flip(forward));
      }
    }));
  });
});

describe('mannKendall', () => {
  it('matches the closed form for a strictly increasing series', () => {
    // N = 10: S = 45, Var S = 10·9·25/18 = 125, Z = 44/√125 = 3.935480
    const mk = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(mk.s).toBe(45);
    expect(mk.variance).toBe(125);
    expect(mk.z).toBeCloseTo(3.935480, 6);
    expect(mk.p).toBeLessThan(1e-4);
  });

  it('corrects the variance for ties', () => {
    // [1, 1, 2, 3]: S = 0 + 1 + 1 + 1 + 1 + 1 = 5; Var S = (4·3·13 − 2·1·9)/18 = 138/18
    const mk = mannKendall([1, 1, 2, 3]);
    expect(mk.s).toBe(5);
    expect(mk.variance).toBeCloseTo(138 / 18, 12);
    expect(mk.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
  });

  it('reverses sign when the series is reversed, and finds no trend in a constant one', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 40 }), (xs) => {
      const forward = mannKendall(xs);
      const backward = mannKendall([...xs].reverse());
      expect(backward.s + forward.s).toBe(0);
      expect(backward.variance).toBe(forward.variance);
      expect(forward.p).toBeGreaterThan(0);
      expect(forward.p).toBeLessThanOrEqual(1);
    }));
    expect(mannKendall([2, 2, 2, 2]).z).toBe(0);
    expect(mannKendall([2, 2, 2, 2]).p).toBeCloseTo(1, 6);
  });

  it('gives two-sided normal p-values at the usual thresholds', () => {
    expect(normalTwoSidedP(1.644854)).toBeCloseTo(0.10, 6);
    expect(normalTwoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(2.575829)).toBeCloseTo(0.01, 6);
  });
});
