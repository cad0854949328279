/**
 * The honours the Jintan notice (seed 000) selects — 学习之星, 学习型家庭, 学习型组织,
 * 优秀志愿者（团队）— configured on the demo week from the presets, so that 评选 can be tried at
 * once (nominations go unit → 金坛区 → 常州市, the city of `changzhou.ts`).
 */
import type { HonourKind } from '../../types/awards';
import type { Store } from '../../backend/store/port';
import { HONOUR_PRESETS } from '../../backend/core/honours';

const JINTAN_PRESETS = ['learning_star', 'learning_family', 'learning_org', 'volunteer'];

export async function loadDemoHonours(store: Store, campaignId: string): Promise<void> {
  for (const preset of HONOUR_PRESETS.filter((p) => JINTAN_PRESETS.includes(p.preset))) {
    const { preset: key, seed: _seed, ...config } = preset;
    const kind: HonourKind = { ...config, id: `${campaignId}-${key}`, campaignId };
    await store.putHonourKind(kind);
  }
}
