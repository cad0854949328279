import { organizerSchemas } from '../../backend/api/schemas';
import { practicalOf } from '../../backend/core/practical';

describe('an event’s price, contact and map position', () => {
  it('copies only what is present', () => {
    expect(practicalOf({})).toEqual({});
    expect(
      practicalOf({
        fee: '30元/人',
        contactPhone: '0519-82821003',
        location: { latitude: 31.79, longitude: 119.48 },
      }),
    ).toEqual({ fee: '30元/人', contactPhone: '0519-82821003', location: { latitude: 31.79, longitude: 119.48 } });
  });

  const base = {
    unitId: 'centre-yaotang',
    title: '书法兴趣班',
    content: '体验',
    venue: '尧塘街道社区教育中心',
    startAt: 1_800_000_000_000,
    endAt: 1_800_000_360_000,
    category: 'lecture',
    audiences: ['public'],
    mode: 'offline',
    free: false,
    venueRole: null,
    maxCompanions: 0,
    capacity: 20,
  };
  const parse = (extra: object) => organizerSchemas['event.save'].safeParse({ ...base, ...extra });

  it('accepts a price, a mobile or landline number and coordinates', () => {
    expect(parse({ fee: '30元/人（含材料费）', contactPhone: '13912345678' }).success).toBe(true);
    expect(parse({ contactPhone: '0519-82821003', location: { latitude: 31.79, longitude: 119.48 } }).success).toBe(
      true,
    );
  });

  it('refuses a phone that is not one, coordinates off the globe and an over-long price', () => {
    expect(parse({ contactPhone: '12345' }).success).toBe(false);
    expect(parse({ location: { latitude: 91, longitude: 0 } }).success).toBe(false);
    expect(parse({ fee: '元'.repeat(41) }).success).toBe(false);
  });
});
