/** How the CloudBase store reports SDK failures, injected into the test double. */
import { seatGuard } from '../../backend/core/seats';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { toStoreError } from '../../backend/store/cloudbase/errors';
import type { CloudbaseDb, DbCollection } from '../../backend/store/cloudbase/sdk';
import { DuplicateKeyError, StoreTransientError } from '../../backend/store/port';
import { CloudbaseFake, networkError, sdkError } from '../doubles/cloudbase-fake';
import { makeEvent, makeRegistration } from './fixtures';

async function withEvent(): Promise<{ db: CloudbaseFake; store: ReturnType<typeof createCloudbaseStore> }> {
  const db = new CloudbaseFake();
  const store = createCloudbaseStore(db);
  await store.putEvent(makeEvent());
  return { db, store };
}

describe('SDK failures become port errors', () => {
  test('a transaction conflict on the seat update is a retryable conflict, and takes no seat', async () => {
    const { db, store } = await withEvent();
    const cause = sdkError('DATABASE_TRANSACTION_CONFLICT');
    db.failNext({ op: 'update', collection: 'events', error: cause });
    const attempt = store.takeSeats('ev1', seatGuard(50, 1, 'newcomer'));
    await expect(attempt).rejects.toBeInstanceOf(StoreTransientError);
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict', cause });
    expect(db.dump('events')[0].seatsTaken).toBe(0);
    await expect(store.takeSeats('ev1', seatGuard(50, 1, 'newcomer'))).resolves.toBe(true);
  });

  test.each([
    ['connect timeout', networkError('ETIMEDOUT')],
    ['read timeout', networkError('ESOCKETTIMEDOUT')],
    ['connection reset', networkError('ECONNRESET')],
    ['database timeout', sdkError('DATABASE_TIMEOUT')],
    ['gateway 502', Object.assign(new Error('502 Bad Gateway'), { code: 502 })],
  ])('%s on a read is unavailable', async (_name, error) => {
    const { db, store } = await withEvent();
    db.failNext({ op: 'get', collection: 'events', error });
    await expect(store.getEvent('ev1')).rejects.toMatchObject({ name: 'StoreTransientError', kind: 'unavailable' });
  });

  test('a timed-out insert that was in fact applied: unavailable, then the retry sees a duplicate', async () => {
    const db = new CloudbaseFake();
    const store = createCloudbaseStore(db);
    db.failNext({ op: 'add', collection: 'registrations', error: networkError('ESOCKETTIMEDOUT'), when: 'after' });
    await expect(store.insertRegistration(makeRegistration())).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(store.insertRegistration(makeRegistration())).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test('an injected duplicate write on a put is a DuplicateKeyError naming the record', async () => {
    const db = new CloudbaseFake();
    const store = createCloudbaseStore(db);
    db.failNext({ op: 'set', collection: 'events', error: sdkError('DATABASE_DUPLICATE_WRITE') });
    await expect(store.putEvent(makeEvent({ id: 'evX' }))).rejects.toEqual(new DuplicateKeyError('evX'));
  });

  test('other errors are rethrown unchanged', async () => {
    const { db, store } = await withEvent();
    const permission = sdkError('PERMISSION_DENIED');
    db.failNext({ op: 'update', collection: 'registrations', error: permission });
    await expect(store.updateRegistration('r', { status: 'pending' }, { status: 'cancelled' })).rejects.toBe(
      permission,
    );
    const plain = new Error('bug');
    db.failNext({ op: 'count', error: plain });
    await expect(store.countWaitlistedBefore('ev1', 1, 'x')).rejects.toBe(plain);
  });

  test('error results returned in compatibility mode (throwOnCode off) are mapped too', async () => {
    const db = new CloudbaseFake();
    const compat: CloudbaseDb = {
      command: db.command,
      runTransaction: (work, times) => db.runTransaction(work, times),
      collection(name: string): DbCollection {
        const real = db.collection(name);
        return Object.assign(Object.create(real) as DbCollection, {
          add: async () => ({ code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate', requestId: 'r' }),
          doc: () => ({ get: async () => ({ code: 'DATABASE_TIMEOUT', message: 'slow', requestId: 'r' }) }),
        });
      },
    };
    const store = createCloudbaseStore(compat);
    await expect(store.insertRegistration(makeRegistration())).rejects.toEqual(new DuplicateKeyError('ev1_o1'));
    await expect(store.getRegistration('ev1_o1')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('toStoreError', () => {
  test('classifies codes', () => {
    expect(toStoreError(sdkError('DATABASE_DUPLICATE_WRITE'), 'k')).toEqual(new DuplicateKeyError('k'));
    expect(toStoreError(sdkError('DATABASE_TRANSACTION_CONFLICT'), 'k')).toMatchObject({ kind: 'conflict' });
    expect(toStoreError({ code: 503 }, 'k')).toMatchObject({ kind: 'unavailable' });
    expect(toStoreError({ code: 429 }, 'k')).toMatchObject({ kind: 'unavailable' });
    const notFound = { code: 404 };
    expect(toStoreError(notFound, 'k')).toBe(notFound);
    const invalid = sdkError('INVALID_PARAM');
    expect(toStoreError(invalid, 'k')).toBe(invalid);
    expect(toStoreError(null, 'k')).toBeNull();
  });
});
