import { walkInEntries } from '../../backend/core/walkin-roster';
import type { Checkin } from '../../types/domain';

const base: Checkin = {
  id: 'x',
  eventId: 'e1',
  campaignId: 'c1',
  unitId: 'u1',
  registrationId: null,
  personKey: 'p',
  day: '2026-11-14',
  hour: 9,
  party: 1,
  name: null,
  phone: null,
  status: 'active',
  method: 'walkin',
  checkedInAt: 1_000,
  recordedAt: 1_000,
  deviceId: 'd',
  staffId: 's',
  offline: false,
  undoneAt: null,
  undoneBy: null,
  undoReason: null,
};

describe('walk-ins on the door roster', () => {
  it('lists active walk-ins only, oldest first, names masked, no phone', () => {
    const list = walkInEntries([
      { ...base, id: 'walkin_b', name: '李建国', phone: '13900001111', party: 3, checkedInAt: 2_000 },
      { ...base, id: 'walkin_a', name: null, checkedInAt: 1_500 },
      { ...base, id: 'walkin_undone', name: '赵六', status: 'undone' },
      { ...base, id: 'reg_1', registrationId: 'reg_1', method: 'code', name: null },
    ]);
    expect(list).toEqual([
      { id: 'walkin_a', name: '未留姓名', party: 1, checkedInAt: 1_500 },
      { id: 'walkin_b', name: '李*国', party: 3, checkedInAt: 2_000 },
    ]);
  });
});
