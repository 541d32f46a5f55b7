import { describe, expect, it } from 'vitest';
import { choroplethClass, choroplethClasses, choroplethColor, choroplethRamp, choroplethRanges, unknownColor } from './choropleth.ts';

describe('choropleth classes', () => {
  it('splits 0..max into five equal intervals, the busiest kelurahan in the darkest', () => {
    expect([0, 1, 19, 20, 39, 40, 99, 100].map((n) => choroplethClass(n, 100))).toEqual([0, 0, 0, 1, 1, 2, 4, 4]);
    expect(choroplethClasses(100).map(({ from, to }) => [from, to])).toEqual([[0, 19], [20, 39], [40, 59], [60, 79], [80, 100]]);
  });

  it('leaves out classes no whole number of reports can fall in', () => {
    const classes = choroplethClasses(2);
    expect(classes.map(({ from, to }) => [from, to])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect([0, 1, 2].map((n) => choroplethClass(n, 2))).toEqual([0, 2, 4]);
  });
});

describe('choropleth classes of a measure with decimals', () => {
  it('splits 0..max into five equal fifths, rounded for the legend', () => {
    expect(choroplethRanges(2.5, 2).map(({ from, to }) => [from, to])).toEqual([[0, 0.5], [0.5, 1], [1, 1.5], [1.5, 2], [2, 2.5]]);
    expect(choroplethRanges(1, 1).map(({ to }) => to)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('keeps whole-number classes for counts', () => {
    expect(choroplethRanges(100, 0)).toEqual(choroplethClasses(100));
  });

  it('greys a kelurahan whose value is unknown, and colours a known zero', () => {
    expect(choroplethColor(null, 10)).toEqual(unknownColor);
    expect(choroplethColor(0, 10)).toEqual(choroplethRamp[0]);
  });
});
