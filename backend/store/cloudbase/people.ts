/**
 * Distinct people across campaigns in CloudBase (see `countDistinctMarkers` in ../port.ts). A
 * visit document's `_id` is `<campaignId>|<marker>` (./summaries.ts), so the markers of one scope
 * prefix are an `_id` range of each campaign, read with every campaign's pages issued together,
 * and united in memory: only the markers of that scope are read, not the other scopes' ones.
 */
import { prefixEnd, type Store } from '../port';
import { type Send, readAllAtOnce } from './operations';
import type { CloudbaseDb } from './sdk';
import { SUMMARY_COLLECTIONS } from './summaries';

export function peopleMethods(db: CloudbaseDb, send: Send): Pick<Store, 'countDistinctMarkers'> {
  const _ = db.command;
  const { visits } = SUMMARY_COLLECTIONS;
  return {
    async countDistinctMarkers(campaignIds, prefix) {
      if (prefix === '') return 0;
      const lists = await Promise.all(
        [...new Set(campaignIds)].map((campaignId) => {
          const from = `${campaignId}|${prefix}`;
          const query = db
            .collection(visits)
            .where(_.and({ campaignId }, { _id: _.gt(from) }, { _id: _.lt(prefixEnd(from)) }, { visits: _.gt(0) }))
            .orderBy('_id', 'asc');
          return readAllAtOnce(send, visits, query);
        }),
      );
      const markers = new Set<string>();
      for (const docs of lists) for (const doc of docs) markers.add(String(doc.marker));
      return markers.size;
    },
  };
}
