/**
 * Distinct people across campaigns, counted in SQL where the visit markers are kept: a marker is
 * `<scope>|<personKey>`, so the distinct markers of one scope prefix over several campaigns are
 * the distinct people. The prefix is a key range of each campaign in the visits table, kept
 * WITHOUT ROWID (its rows are its primary key's B-tree), so the count reads that tree alone; one
 * campaign's markers are unique (the primary key), several campaigns' are grouped by marker. One
 * number comes back, whatever the number of markers.
 */
import type Database from 'better-sqlite3';
import { prefixEnd, type Store } from '../port';

export function peopleMethods(read: (text: string) => Database.Statement): Pick<Store, 'countDistinctMarkers'> {
  return {
    async countDistinctMarkers(campaignIds, prefix) {
      const ids = [...new Set(campaignIds)];
      if (ids.length === 0 || prefix === '') return 0;
      const range = [prefix, prefixEnd(prefix)];
      if (ids.length === 1) {
        // Within one campaign a marker is unique (the primary key): a count of its key range.
        const one = read(
          'SELECT COUNT(*) AS n FROM visits WHERE campaign_id = ? AND marker >= ? AND marker < ? AND visits > 0',
        ).get(ids[0], ...range) as { n: number };
        return one.n;
      }
      // Across campaigns: each campaign's key range, each marker counted once.
      const placeholders = ids.map(() => '?').join(', ');
      const row = read(
        `SELECT COUNT(*) AS n FROM (
           SELECT marker FROM visits
           WHERE campaign_id IN (${placeholders}) AND marker >= ? AND marker < ? AND visits > 0
           GROUP BY marker)`,
      ).get(...ids, ...range) as { n: number };
      return row.n;
    },
  };
}
