/**
 * The staff device's offline Ed25519 verifier must accept exactly what the backend signs and run
 * on an engine without BigInt (old phones in WeChat).
 */
import { signerFromSeed } from '../../backend/usecases/signing';

const payload = new TextEncoder().encode('e1|holder-7|58000123');

describe('ed25519Verifier (tweetnacl, no BigInt)', () => {
  const signer = signerFromSeed('5eed'.repeat(16));
  const saved = (globalThis as { BigInt?: unknown }).BigInt;
  let ed25519Verifier: typeof import('../../backend/core/ed25519').ed25519Verifier;

  beforeAll(() => {
    // Load the verifier the way an old engine would: with no BigInt in the global scope.
    delete (globalThis as { BigInt?: unknown }).BigInt;
    jest.isolateModules(() => {
      ({ ed25519Verifier } = jest.requireActual('../../backend/core/ed25519'));
    });
  });
  afterAll(() => {
    (globalThis as { BigInt?: unknown }).BigInt = saved;
  });

  it('accepts a signature made by the backend signer (node:crypto)', () => {
    expect(typeof (globalThis as { BigInt?: unknown }).BigInt).toBe('undefined');
    const device = ed25519Verifier(signer.publicKeyHex);
    expect(device.verify(payload, signer.sign(payload))).toBe(true);
  });

  it('rejects a changed payload, a flipped signature bit, a short signature and another key', () => {
    const device = ed25519Verifier(signer.publicKeyHex);
    const signature = signer.sign(payload);
    const otherPayload = new TextEncoder().encode('e2|holder-7|58000123');
    expect(device.verify(otherPayload, signature)).toBe(false);
    const flipped = signature.slice();
    flipped[10] ^= 1;
    expect(device.verify(payload, flipped)).toBe(false);
    expect(device.verify(payload, signature.slice(0, 63))).toBe(false);
    const other = ed25519Verifier(signerFromSeed('beef'.repeat(16)).publicKeyHex);
    expect(other.verify(payload, signature)).toBe(false);
  });

  it('refuses a public key that is not 32 bytes of hex', () => {
    expect(() => ed25519Verifier('abcd')).toThrow('32 bytes');
    expect(() => ed25519Verifier('zz'.repeat(32))).toThrow('32 bytes');
  });
});
