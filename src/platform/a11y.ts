/**
 * Accessibility of controls, neutral twin (also what WeChat bundles): nothing to do, WeChat's
 * components carry their own semantics. The H5 twin (a11y.h5.ts) gives Taro's web buttons and
 * the app's tappable views a role, keyboard focus and keyboard activation.
 */
export function installAccessibility(): () => void {
  return () => undefined;
}
