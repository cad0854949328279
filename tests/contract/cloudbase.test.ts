import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { runStoreContract } from './store-contract';

runStoreContract(
  'CloudBase over the in-memory CloudBase double',
  async () => ({ store: createCloudbaseStore(new CloudbaseFake()), async close() {} }),
  // CloudBase transactions cannot hold conditional where-updates: atomic() does not roll back.
  { transactional: false },
);
