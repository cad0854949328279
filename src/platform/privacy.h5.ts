/**
 * WeChat's privacy consent, H5 twin: a browser has no such flow (it asks for the camera itself),
 * so there is never a request waiting.
 */
import type { PrivacyRequest } from './privacy';

export type { PrivacyRequest };

export function installPrivacyGate(): void {}

export function watchPrivacyRequest(listener: (request: PrivacyRequest | null) => void): () => void {
  listener(null);
  return () => undefined;
}

export function openPrivacyGuide(): void {}
