import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../backend/store/sqlite';
import { runStoreContract } from './store-contract';

runStoreContract(
  'embedded SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llw-store-'));
    const store = openSqliteStore({ file: join(dir, 'store.sqlite') });
    return {
      store,
      async close() {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { transactional: true },
);
