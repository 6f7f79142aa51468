import { seededRandom } from '../../../local/site/rng';
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

/** A small seeded PRNG: a schedule is reproducible from its number (the emulator's own). */
export const prng = seededRandom;
