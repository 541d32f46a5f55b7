import { describe, expect, it } from 'vitest';
import { normaliseTrackingCode } from './tracking-code.ts';

describe('normaliseTrackingCode', () => {
  it.each([
    ['tgr-7k3p9q', 'TGR-7K3P9Q'],
    ['tgr 7k3p9q', 'TGR-7K3P9Q'],
    [' TSL7K3P9Q ', 'TSL-7K3P9Q'],
    ['t g r - 7 k 3 p 9 q', 'TGR-7K3P9Q'],
  ])('reads %j as %s', (typed, code) => expect(normaliseTrackingCode(typed)).toBe(code));

  it('leaves what is not a code of the right length for the server to refuse', () => {
    expect(normaliseTrackingCode(' abc ')).toBe('ABC');
  });
});
