/**
 * The backend's verifier remembers authentic (payload, signature) pairs, so a code scanned again
 * is not verified again (backend/usecases/signing.ts `rememberingAuthentic`). What it must never
 * do: accept a forgery, or a real signature under another payload, because a pair was remembered.
 */
import { REMEMBERED_SIGNATURES, rememberingAuthentic, signerFromSeed } from '../../backend/usecases/signing';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a verifier that remembers authentic signatures', () => {
  const signer = signerFromSeed('7a'.repeat(32));
  const forger = signerFromSeed('7b'.repeat(32));
  const realCheck = (payload: Uint8Array, signature: Uint8Array) =>
    signer.verifier.verify(payload, signature) as boolean;

  it('checks an authentic pair once, and answers from memory afterwards', () => {
    let checks = 0;
    const verifier = rememberingAuthentic((p, s) => {
      checks++;
      return realCheck(p, s);
    });
    const payload = bytes('1|e1|holder-1|58000123');
    const signature = signer.sign(payload);
    expect(verifier.verify(payload, signature)).toBe(true);
    expect(verifier.verify(payload, new Uint8Array(signature))).toBe(true);
    expect(checks).toBe(1);
  });

  it('checks forgeries every time and never accepts one', () => {
    let checks = 0;
    const verifier = rememberingAuthentic((p, s) => {
      checks++;
      return realCheck(p, s);
    });
    const payload = bytes('1|e1|holder-2|58000123');
    const forged = forger.sign(payload);
    expect(verifier.verify(payload, forged)).toBe(false);
    expect(verifier.verify(payload, forged)).toBe(false);
    expect(checks).toBe(2);
  });

  it('does not lend a remembered signature to another payload', () => {
    const verifier = rememberingAuthentic(realCheck);
    const payload = bytes('1|e1|holder-3|58000123');
    const signature = signer.sign(payload);
    expect(verifier.verify(payload, signature)).toBe(true);
    expect(verifier.verify(bytes('1|e1|holder-4|58000123'), signature)).toBe(false);
    expect(verifier.verify(bytes('1|e1|holder-3|58000124'), signature)).toBe(false);
  });

  it('forgets the oldest pair when full, and checks it again when it comes back', () => {
    const checked: string[] = [];
    const verifier = rememberingAuthentic((p) => {
      checked.push(new TextDecoder().decode(p));
      return true;
    });
    const sig = new Uint8Array(64);
    for (let i = 0; i <= REMEMBERED_SIGNATURES; i++) verifier.verify(bytes(`p${i}`), sig);
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    verifier.verify(bytes(`p${REMEMBERED_SIGNATURES}`), sig); // the newest: remembered
    verifier.verify(bytes('p1'), sig); // still remembered
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    verifier.verify(bytes('p0'), sig); // the oldest was dropped to make room
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 2);
    expect(checked[checked.length - 1]).toBe('p0');
  });
});
