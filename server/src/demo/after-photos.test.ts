import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTransaction } from '../db/open-transaction.ts';
import { photoPaths } from '../reports/photos.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { storeLinkedPhotos } from './after-photos.ts';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-after-photos-'));
});
afterAll(async () => {
  await t?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('demo after photos on disk', () => {
  it('links every photo to the first of its group, so no file passes the file system\'s link limit', async () => {
    const ids = Array.from({ length: 5 }, () => randomUUID());
    const jpeg = Buffer.from('not really a jpeg, but bytes all the same');
    await runInTransaction(t.db, (tx) => storeLinkedPhotos(tx, dir, ids, jpeg, 2));
    const inodes = new Map<number, number>();
    for (const id of ids) {
      for (const file of Object.values(photoPaths(dir, id))) {
        expect(await fs.readFile(file)).toEqual(jpeg);
        const { ino } = await fs.stat(file);
        inodes.set(ino, (inodes.get(ino) ?? 0) + 1);
      }
    }
    // Groups of 2, 2 and 1 photos, a full size and a thumbnail each: three files on disk.
    expect([...inodes.values()].sort()).toEqual([2, 4, 4]);
  });
});
