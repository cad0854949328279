/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * runtime, which is what a reproducible sample and a reproducible demo week need. Hand-written
 * because it is ten lines with a fixed, published algorithm; a library (seedrandom) would add a
 * dependency for the same ten lines, and `Math.random` cannot be seeded.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
