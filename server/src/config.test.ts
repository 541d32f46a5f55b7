import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const primary = 'postgres://postgres@127.0.0.1:5432/petawarga';

describe('config for several instances', () => {
  it('takes a read replica only together with the primary it replicates', () => {
    expect(readConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://replica:5433/petawarga' }).databaseReadUrl)
      .toBe('postgres://replica:5433/petawarga');
    expect(readConfig({ DATABASE_URL: primary }).databaseReadUrl).toBeUndefined();
    expect(() => readConfig({ DATABASE_READ_URL: 'postgres://replica:5433/petawarga' }))
      .toThrow(/DATABASE_READ_URL: only with DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://replica/petawarga' }))
      .toThrow(/DATABASE_READ_URL/);
  });

  it('trusts the proxies it is told about, by address or range', () => {
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(readConfig({}).trustProxy).toBeUndefined();
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
