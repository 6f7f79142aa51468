/**
 * The reliability figures each test file prints in one clear block at its end: what was run,
 * what was injected, and the numbers that must stay zero.
 */
export class Figures {
  private rows: Array<[string, string]> = [];
  constructor(private readonly title: string) {}

  add(label: string, value: unknown): this {
    this.rows.push([label, typeof value === 'string' ? value : JSON.stringify(value)]);
    return this;
  }

  print(): void {
    const width = Math.max(...this.rows.map(([l]) => l.length), 10);
    const lines = [
      `==== ActivityPulse reliability: ${this.title} ====`,
      ...this.rows.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`),
      '='.repeat(this.title.length + 36),
    ];
    // One write so parallel jest workers cannot interleave the block.
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}

/** A small seeded PRNG (mulberry32): a schedule is reproducible from its number. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
