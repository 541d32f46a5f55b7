import { describe, expect, it } from 'vitest';
import { networkOf } from './client.ts';

describe('networkOf', () => {
  it('keeps an IPv4 address as it is: a carrier NAT is one address', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 phone by its /64, whatever address it picks in it', () => {
    expect(networkOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8:1:3::9')).toBe('2001:db8:1:3::/64');
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(networkOf('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });
});
