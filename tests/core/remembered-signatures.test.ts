/**
 * The backend's verifier remembers authentic (payload, signature) pairs, so a code scanned again
 * is not verified again, and a scan's signature can be checked ahead, off the event loop
 * (backend/usecases/signing.ts `rememberingAuthentic`, `verifyAhead`). What it must never do:
 * accept a forgery, or a real signature under another payload, because a pair was remembered.
 */
import { REMEMBERED_SIGNATURES, rememberingAuthentic, signerFromSeed } from '../../backend/usecases/signing';

const bytes = (text: string) => new TextEncoder().encode(text);
const signer = signerFromSeed('7a'.repeat(32));
const forger = signerFromSeed('7b'.repeat(32));
const fresh = signerFromSeed('7a'.repeat(32)); // same key, nothing remembered: the real check

/** A remembering verifier over the real check that counts how often the real check runs. */
function counted() {
  const checks = { sync: 0, async: 0 };
  const v = rememberingAuthentic(
    (p, s) => {
      checks.sync++;
      return fresh.verifier.verify(p, s) as boolean;
    },
    async (p, s) => {
      checks.async++;
      return fresh.verifier.verify(p, s) as boolean;
    },
  );
  return { ...v, checks };
}

describe('a verifier that remembers authentic signatures', () => {
  it('checks an authentic pair once, and answers from memory afterwards', () => {
    const v = counted();
    const payload = bytes('1|e1|holder-1|58000123');
    const signature = signer.sign(payload);
    expect(v.verifier.verify(payload, signature)).toBe(true);
    expect(v.verifier.verify(payload, new Uint8Array(signature))).toBe(true);
    expect(v.checks.sync).toBe(1);
  });

  it('checks forgeries every time and never accepts one', async () => {
    const v = counted();
    const payload = bytes('1|e1|holder-2|58000123');
    const forged = forger.sign(payload);
    await v.verifyAhead(payload, forged);
    expect(v.verifier.verify(payload, forged)).toBe(false);
    expect(v.verifier.verify(payload, forged)).toBe(false);
    expect(v.checks).toEqual({ sync: 2, async: 1 });
  });

  it('does not lend a remembered signature to another payload', () => {
    const v = counted();
    const payload = bytes('1|e1|holder-3|58000123');
    const signature = signer.sign(payload);
    expect(v.verifier.verify(payload, signature)).toBe(true);
    expect(v.verifier.verify(bytes('1|e1|holder-4|58000123'), signature)).toBe(false);
    expect(v.verifier.verify(bytes('1|e1|holder-3|58000124'), signature)).toBe(false);
  });

  it('a pair checked ahead is then answered from memory', async () => {
    const v = counted();
    const payload = bytes('1|e1|holder-5|58000123');
    const signature = signer.sign(payload);
    await v.verifyAhead(payload, signature);
    await v.verifyAhead(payload, signature);
    expect(v.verifier.verify(payload, signature)).toBe(true);
    expect(v.checks).toEqual({ sync: 0, async: 1 });
  });

  it('the real signer checks ahead in the thread pool: authentic remembered, forgery refused', async () => {
    const payload = bytes('1|e1|holder-6|58000123');
    await signer.verifyAhead(payload, signer.sign(payload));
    expect(signer.verifier.verify(payload, signer.sign(payload))).toBe(true);
    const forged = forger.sign(payload);
    await expect(signer.verifyAhead(payload, forged)).resolves.toBeUndefined();
    expect(signer.verifier.verify(payload, forged)).toBe(false);
    await expect(signer.verifyAhead(payload, new Uint8Array(3))).resolves.toBeUndefined();
  });

  it('forgets the oldest pair when full, and checks it again when it comes back', () => {
    const checked: string[] = [];
    const v = rememberingAuthentic(
      (p) => {
        checked.push(new TextDecoder().decode(p));
        return true;
      },
      async () => true,
    );
    const sig = new Uint8Array(64);
    for (let i = 0; i <= REMEMBERED_SIGNATURES; i++) v.verifier.verify(bytes(`p${i}`), sig);
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    v.verifier.verify(bytes(`p${REMEMBERED_SIGNATURES}`), sig); // the newest: remembered
    v.verifier.verify(bytes('p1'), sig); // still remembered
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 1);
    v.verifier.verify(bytes('p0'), sig); // the oldest was dropped to make room
    expect(checked).toHaveLength(REMEMBERED_SIGNATURES + 2);
    expect(checked[checked.length - 1]).toBe('p0');
  });
});
