/**
 * Ed25519 signature checks in pure JavaScript (@noble/ed25519), for places without a native
 * crypto module: staff devices validating check-in codes offline.
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { fromHex } from './bytes';
import type { SignatureVerifier } from './checkin-code';

ed.hashes.sha512 = sha512;

export function ed25519Verifier(publicKeyHex: string): SignatureVerifier {
  const publicKey = fromHex(publicKeyHex);
  if (!publicKey || publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes of hex');
  return { verify: (payload, signature) => ed.verify(signature, payload, publicKey) };
}
