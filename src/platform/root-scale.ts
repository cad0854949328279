/**
 * The scale for what lies outside the page root, neutral twin (also what WeChat bundles): the
 * tab bar and the dialogs are WeChat's own and follow WeChat's font setting, so nothing to do.
 */
import type { Scale } from '../theme/tokens';

export function applyRootScale(scale: Scale): void {
  void scale;
}
