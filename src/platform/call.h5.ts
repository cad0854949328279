/** The call transport on the web: POST /api/<function> with the same { action, data } envelope. */
import type { CallFunction } from './transport';
import { asApiResult, transportFailure } from './transport';
import { DEMO_IDENTITY_HEADER, getDemoIdentity } from './demo-identity';

export const callFunction: CallFunction = async <T>(fn: string, action: string, data: unknown) => {
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const identity = getDemoIdentity();
    if (identity) headers[DEMO_IDENTITY_HEADER] = identity;
    const res = await fetch(`/api/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, data }),
    });
    // A refusal may come with a 4xx status and still be a proper envelope: read the body first.
    const body: unknown = await res.json().catch(() => null);
    return asApiResult<T>(body);
  } catch {
    return transportFailure<T>();
  }
};
