/**
 * The one small seeded PRNG (mulberry32) of the local platform, the tests and the benchmarks:
 * fault injection and generated test data are the same on every run. (The site generator's
 * `Random` in local/fixtures/random.ts scrambles its seed first, so its fixtures stay as they are.)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
