/**
 * The backend's check-in code key: Ed25519 from a 32-byte seed, with Node's native crypto.
 * The seed comes from the environment (CHECKIN_SIGNING_SEED) in the cloud and from a file in
 * the local data folder; only the public key ever leaves the backend.
 */
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { SignatureVerifier } from '../core/checkin-code';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CodeSigner {
  publicKeyHex: string;
  sign(payload: Uint8Array): Uint8Array;
  verifier: SignatureVerifier;
  /**
   * Verifies off the event loop (libuv's thread pool) and remembers an authentic pair, so that
   * the door's synchronous judgement (core/checkin-code.ts) then answers from memory while the
   * one thread goes on serving other requests. Never rejects: a forgery is simply not remembered.
   */
  verifyAhead(payload: Uint8Array, signature: Uint8Array): Promise<void>;
}

export function signerFromSeed(seedHex: string): CodeSigner {
  const seed = Buffer.from(seedHex.trim(), 'hex');
  if (seed.length !== 32) throw new Error('CHECKIN_SIGNING_SEED must be 32 bytes of hex');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return {
    publicKeyHex: Buffer.from(x, 'base64url').toString('hex'),
    sign: (payload) => new Uint8Array(sign(null, payload, privateKey)),
    ...rememberingAuthentic(
      (payload, signature) => verify(null, payload, publicKey, signature),
      (payload, signature) =>
        new Promise((resolve) => verify(null, payload, publicKey, signature, (error, ok) => resolve(!error && ok))),
    ),
  };
}

/** How many authentic (payload, signature) pairs a verifier remembers. */
export const REMEMBERED_SIGNATURES = 20_000;

/**
 * A verifier that remembers the pairs it found authentic, the most recent first: a code is
 * scanned again and again at a door (a resident scans twice, two doors, a device's offline batch
 * sent twice), and an Ed25519 verification costs as much CPU as a whole no-op request, where a
 * lookup costs nothing. Sound because authenticity of exact bytes under one key never changes;
 * only authentic pairs are kept (a forgery is checked every time), and a code's time window is
 * judged by the caller every time, remembered or not. A Map keeps insertion order, so evicting
 * its first key drops the least recently verified pair.
 */
export function rememberingAuthentic(
  check: (payload: Uint8Array, signature: Uint8Array) => boolean,
  checkAsync: (payload: Uint8Array, signature: Uint8Array) => Promise<boolean>,
): Pick<CodeSigner, 'verifier' | 'verifyAhead'> {
  const authentic = new Map<string, true>();
  const keyOf = (payload: Uint8Array, signature: Uint8Array) =>
    `${Buffer.from(signature).toString('base64')}|${Buffer.from(payload).toString('latin1')}`;
  const remember = (key: string) => {
    if (authentic.size >= REMEMBERED_SIGNATURES) authentic.delete(authentic.keys().next().value as string);
    authentic.set(key, true);
  };
  return {
    verifier: {
      verify(payload, signature) {
        const key = keyOf(payload, signature);
        if (authentic.has(key)) return true;
        if (!check(payload, signature)) return false;
        remember(key);
        return true;
      },
    },
    async verifyAhead(payload, signature) {
      const key = keyOf(payload, signature);
      if (!authentic.has(key) && (await checkAsync(payload, signature))) remember(key);
    },
  };
}

export function newSeedHex(): string {
  return randomBytes(32).toString('hex');
}
