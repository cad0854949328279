/**
 * WeChat's privacy consent (用户隐私保护指引), neutral twin (what WeChat bundles).
 *
 * WeChat disables every privacy API (here: wx.chooseMessageFile, wx.saveImageToPhotosAlbum,
 * wx.setClipboardData, the camera) until the user has agreed to the app's privacy guide. When a
 * page calls one first, WeChat holds the call and fires `onNeedPrivacyAuthorization`; we then show
 * our own guide (components/privacy-gate.tsx) with an `agreePrivacyAuthorization` button. Agreeing
 * lets the held call go on; refusing makes it fail with "privacy permission is not authorized",
 * which every caller already treats as "not chosen / not saved / not copied", so the app stays usable.
 */
import Taro from '@tarojs/taro';

export interface PrivacyRequest {
  /** The page that needs consent (WeChat's eventInfo.referrer). */
  referrer: string;
  /** After the user tapped the agree button with this id. */
  agree(buttonId: string): void;
  refuse(): void;
}

type Listener = (request: PrivacyRequest | null) => void;

const listeners = new Set<Listener>();
let pending: PrivacyRequest | null = null;
let installed = false;

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

function settle(request: PrivacyRequest): void {
  if (pending !== request) return;
  pending = null;
  for (const listener of listeners) listener(null);
}

/** Registers the one WeChat listener (idempotent; a no-op where the API is missing, e.g. old base libraries). */
export function installPrivacyGate(): void {
  if (installed) return;
  const api = (
    Taro as unknown as { onNeedPrivacyAuthorization?: (l: (r: Resolve, i: { referrer: string }) => void) => void }
  ).onNeedPrivacyAuthorization;
  if (typeof api !== 'function') return;
  installed = true;
  api((resolve, eventInfo) => {
    // No gate on screen (a page without one): refuse rather than leave the call hanging.
    if (listeners.size === 0) {
      resolve({ event: 'disagree' });
      return;
    }
    const request: PrivacyRequest = {
      referrer: eventInfo?.referrer ?? '',
      agree(buttonId) {
        resolve({ event: 'agree', buttonId });
        settle(request);
      },
      refuse() {
        resolve({ event: 'disagree' });
        settle(request);
      },
    };
    pending = request;
    resolve({ event: 'exposureAuthorization' });
    for (const listener of listeners) listener(request);
  });
}

/** Calls `listener` with the request waiting for consent (or null when none); returns an unsubscribe. */
export function watchPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener);
  listener(pending);
  return () => void listeners.delete(listener);
}

/** Opens WeChat's page showing the full privacy guide. */
export function openPrivacyGuide(): void {
  const open = (Taro as unknown as { openPrivacyContract?: (o?: object) => void }).openPrivacyContract;
  if (typeof open === 'function') open({});
}
