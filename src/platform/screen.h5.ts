/**
 * Keeping the screen awake while a check-in code is shown, H5 twin (see screen.ts): a browser
 * cannot change the brightness, but the Screen Wake Lock API keeps the screen on where offered.
 */
interface WakeLockSentinelLike {
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export async function holdScreenBright(): Promise<() => void> {
  const wakeLock = (globalThis.navigator as (Navigator & { wakeLock?: WakeLockLike }) | undefined)?.wakeLock;
  if (!wakeLock) return () => undefined;
  try {
    const sentinel = await wakeLock.request('screen');
    return () => void sentinel.release().catch(() => undefined);
  } catch {
    return () => undefined;
  }
}
