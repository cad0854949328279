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
    verifier: { verify: (payload, signature) => verify(null, payload, publicKey, signature) },
  };
}

export function newSeedHex(): string {
  return randomBytes(32).toString('hex');
}
