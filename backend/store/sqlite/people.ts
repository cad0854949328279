/**
 * Distinct people across campaigns, counted in SQL where the visit markers are kept: a marker is
 * `<scope>|<personKey>`, so the distinct markers of one scope prefix over several campaigns are
 * the distinct people. The prefix becomes a range of the (campaign_id, marker) primary key, so
 * the count walks the index of those markers and hands one number back, whatever their number.
 */
import type Database from 'better-sqlite3';
import { prefixEnd, type Store } from '../port';

export function peopleMethods(read: (text: string) => Database.Statement): Pick<Store, 'countDistinctMarkers'> {
  return {
    async countDistinctMarkers(campaignIds, prefix) {
      if (campaignIds.length === 0 || prefix === '') return 0;
      const placeholders = campaignIds.map(() => '?').join(', ');
      const row = read(
        `SELECT COUNT(DISTINCT marker) AS n FROM visits
         WHERE campaign_id IN (${placeholders}) AND marker >= ? AND marker < ? AND visits > 0`,
      ).get(...campaignIds, prefix, prefixEnd(prefix)) as { n: number };
      return row.n;
    },
  };
}
