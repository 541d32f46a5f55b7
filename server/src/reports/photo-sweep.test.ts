import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTransaction, runInTransaction } from '../db/open-transaction.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { itNeeding, postgres } from '../test/requirements.ts';
import { sweepPendingPhotos } from './photo-sweep.ts';
import { photoPaths, storePhotos, type ProcessedPhoto } from './photos.ts';

const photo = (): ProcessedPhoto => ({ id: randomUUID(), full: Buffer.from('jpeg'), thumbnail: Buffer.from('thumb'), width: 1, height: 1 });
const onDisk = (dir: string, id: string) =>
  [...Object.values(photoPaths(dir, id)), path.join(dir, `${id}.pending`)].map((f) => fs.existsSync(f));

describe('settling the photo files of transactions that had not ended', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-photos-'));
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the files of a transaction that committed and drops its marker', async () => {
    const p = photo();
    await runInTransaction(t.db, (tx) => storePhotos(tx, dir, [p]));
    expect(onDisk(dir, p.id)).toEqual([true, true, true]);
    expect(await sweepPendingPhotos(t.db, dir)).toMatchObject({ kept: 1, removed: 0, open: 0 });
    expect(onDisk(dir, p.id)).toEqual([true, true, false]);
  });

  it('removes the files of a transaction that rolled back without undoing them, as after a killed process', async () => {
    const p = photo();
    // The rollback's undo never runs, as when the process dies before it could.
    await t.db.transaction(async (tx) => {
      await storePhotos({ query: (s) => tx.query(s), onRollback: () => undefined }, dir, [p]);
      throw new Error('killed');
    }).catch(() => undefined);
    expect(onDisk(dir, p.id)).toEqual([true, true, true]);
    expect(await sweepPendingPhotos(t.db, dir)).toMatchObject({ removed: 1, open: 0 });
    expect(onDisk(dir, p.id)).toEqual([false, false, false]);
  });

  itNeeding([[postgres, 'sweeps on a second connection while the transaction stays open']],
    'leaves the files of a transaction still open', async () => {
      const p = photo();
      const tx = await openTransaction(t.db);
      await storePhotos({ query: (s) => tx.query(s), onRollback: () => undefined }, dir, [p]);
      expect(await sweepPendingPhotos(t.db, dir)).toMatchObject({ open: 1, removed: 0 });
      expect(onDisk(dir, p.id)).toEqual([true, true, true]);
      await tx.commit();
      expect(await sweepPendingPhotos(t.db, dir)).toMatchObject({ kept: 1, open: 0 });
    });
});
