/**
 * The backend's check-in code key: Ed25519 from a 32-byte seed, with Node's native crypto.
 * The seed comes from the environment (CHECKIN_SIGNING_SEED) in the cloud and from a file in
 * the local data folder; only the public key ever leaves the backend.
 */
import { createPrivateKey, createPublicKey, randomBytes, sign, timingSafeEqual } from 'node:crypto';
import type { SignatureVerifier } from '../core/checkin-code';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CodeSigner {
  publicKeyHex: string;
  sign(payload: Uint8Array): Uint8Array;
  verifier: SignatureVerifier;
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
  const signed = (payload: Uint8Array) => sign(null, payload, privateKey);
  return {
    publicKeyHex: Buffer.from(x, 'base64url').toString('hex'),
    sign: (payload) => new Uint8Array(signed(payload)),
    // The backend holds the key, and Ed25519 signing is deterministic (RFC 8032): a payload has
    // exactly one signature from this key, the one its code carries. Signing again and comparing
    // (in constant time) accepts exactly the codes the backend issued, for a third of the CPU of a
    // verification (measured on the bench's machine: 30 against 80 µs) and on the request's own
    // thread. Doors, which hold only the public key, verify (core/ed25519.ts).
    verifier: rememberingAuthentic(
      (payload, signature) => signature.length === 64 && timingSafeEqual(signed(payload), signature),
    ),
  };
}

/** How many authentic (payload, signature) pairs a verifier remembers. */
export const REMEMBERED_SIGNATURES = 20_000;

/**
 * A verifier that remembers the pairs it found authentic, the most recent first: a code is
 * scanned again and again at a door (a resident scans twice, two doors, a device's offline batch
 * sent twice), and checking a signature costs more than the rest of such a scan, where a lookup
 * costs nothing. Sound because authenticity of exact bytes under one key never changes;
 * only authentic pairs are kept (a forgery is checked every time), and a code's time window is
 * judged by the caller every time, remembered or not. A Map keeps insertion order, so evicting
 * its first key drops the least recently checked pair.
 */
export function rememberingAuthentic(
  check: (payload: Uint8Array, signature: Uint8Array) => boolean,
): SignatureVerifier {
  const authentic = new Map<string, true>();
  const keyOf = (payload: Uint8Array, signature: Uint8Array) =>
    `${Buffer.from(signature).toString('base64')}|${Buffer.from(payload).toString('latin1')}`;
  return {
    verify(payload, signature) {
      const key = keyOf(payload, signature);
      if (authentic.has(key)) return true;
      if (!check(payload, signature)) return false;
      if (authentic.size >= REMEMBERED_SIGNATURES) authentic.delete(authentic.keys().next().value as string);
      authentic.set(key, true);
      return true;
    },
  };
}

export function newSeedHex(): string {
  return randomBytes(32).toString('hex');
}
