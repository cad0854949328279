/**
 * The backend's check of a code's signature (backend/usecases/signing.ts): it signs the payload
 * again and compares (Ed25519 is deterministic, so the backend's key gives a payload exactly one
 * signature), and remembers authentic (payload, signature) pairs so that a code scanned again is
 * not checked again. What it must never do: accept a forgery, a tampered signature, or a real
 * signature under another payload; and it must agree with the public-key verification the doors
 * run offline (core/ed25519.ts) on every code the backend issues.
 */
import { ed25519Verifier } from '../../backend/core/ed25519';
import { REMEMBERED_SIGNATURES, rememberingAuthentic, signerFromSeed } from '../../backend/usecases/signing';

const bytes = (text: string) => new TextEncoder().encode(text);
const signer = signerFromSeed('7a'.repeat(32));
const forger = signerFromSeed('7b'.repeat(32));
const fresh = signerFromSeed('7a'.repeat(32)); // same key, nothing remembered: the real check
const door = ed25519Verifier(signer.publicKeyHex);

/** A remembering verifier over the real check that counts how often the real check runs. */
function counted() {
  const checks = { n: 0 };
  const verifier = rememberingAuthentic((p, s) => {
    checks.n++;
    return fresh.verifier.verify(p, s) as boolean;
  });
  return { verifier, checks };
}

describe("the backend's check of a code's signature", () => {
  it('accepts every code the backend signs, as the doors do with the public key', () => {
    for (let i = 0; i < 8; i++) {
      const payload = bytes(`L1|e${i}|holder-${i * 7919}|${58000000 + i}`);
      const signature = signer.sign(payload);
      expect(fresh.verifier.verify(payload, signature)).toBe(true);
      expect(door.verify(payload, signature)).toBe(true);
    }
  });

  it('refuses forgeries, tampered and malformed signatures, and signatures of another payload', () => {
    const payload = bytes('L1|e1|holder-1|58000123');
    const signature = signer.sign(payload);
    const refused: Uint8Array[] = [
      forger.sign(payload),
      ...[0, 31, 32, 63].map((at) => {
        const tampered = new Uint8Array(signature);
        tampered[at] ^= 1;
        return tampered;
      }),
      signature.slice(0, 63),
      new Uint8Array(64),
      new Uint8Array(3),
      signer.sign(bytes('L1|e1|holder-1|58000124')),
    ];
    for (const candidate of refused) {
      expect(fresh.verifier.verify(payload, candidate)).toBe(false);
      expect(door.verify(payload, candidate)).toBe(false);
    }
  });
});

describe('a verifier that remembers authentic signatures', () => {
  it('checks an authentic pair once, and answers from memory afterwards', () => {
    const v = counted();
    const payload = bytes('1|e1|holder-1|58000123');
    const signature = signer.sign(payload);
    expect(v.verifier.verify(payload, signature)).toBe(true);
    expect(v.verifier.verify(payload, new Uint8Array(signature))).toBe(true);
    expect(v.checks.n).toBe(1);
  });

  it('checks forgeries every time and never accepts one', () => {
    const v = counted();
    const payload = bytes('1|e1|holder-2|58000123');
    const forged = forger.sign(payload);
    expect(v.verifier.verify(payload, forged)).toBe(false);
    expect(v.verifier.verify(payload, forged)).toBe(false);
    expect(v.checks.n).toBe(2);
  });

  it('does not lend a remembered signature to another payload', () => {
    const v = counted();
    const payload = bytes('1|e1|holder-3|58000123');
    const signature = signer.sign(payload);
    expect(v.verifier.verify(payload, signature)).toBe(true);
    expect(v.verifier.verify(bytes('1|e1|holder-4|58000123'), signature)).toBe(false);
    expect(v.verifier.verify(bytes('1|e1|holder-3|58000124'), signature)).toBe(false);
  });

  it('forgets the oldest pair when full, and checks it again when it comes back', () => {
    const checked: string[] = [];
    const v = rememberingAuthentic((p) => {
      checked.push(new TextDecoder().decode(p));
      return true;
    });
    const sig = new Uint8Array(64);
    for (let i = 0; i <= REMEMBERED_SIGNATURES; i++) v.verify(bytes(`p${i}`), sig);
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    v.verify(bytes(`p${REMEMBERED_SIGNATURES}`), sig); // the newest: remembered
    v.verify(bytes('p1'), sig); // still remembered
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    v.verify(bytes('p0'), sig); // the oldest was dropped to make room
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 2);
    expect(checked[checked.length - 1]).toBe('p0');
  });
});
