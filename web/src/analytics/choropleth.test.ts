import { describe, expect, it } from 'vitest';
import { choroplethClass, choroplethClasses } from './choropleth.ts';

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
