/**
 * Ed25519 signature checks in pure JavaScript, for places without a native crypto module: staff
 * devices validating check-in codes offline.
 *
 * tweetnacl (a maintained, audited port of TweetNaCl) does its field arithmetic on Float64Arrays,
 * so it needs no BigInt: it runs on every JS engine WeChat still ships (old iOS/Android phones),
 * where a BigInt-based library fails to load at all. The backend signs with node:crypto; the two
 * agree because both implement RFC 8032 Ed25519.
 */
import nacl from 'tweetnacl';
import { fromHex } from './bytes';
import type { SignatureVerifier } from './checkin-code';

export function ed25519Verifier(publicKeyHex: string): SignatureVerifier {
  const publicKey = fromHex(publicKeyHex);
  if (!publicKey || publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes of hex');
  return {
    verify: (payload, signature) =>
      signature.length === nacl.sign.signatureLength && nacl.sign.detached.verify(payload, signature, publicKey),
  };
}
