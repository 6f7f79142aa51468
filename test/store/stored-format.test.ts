import { z } from 'zod';
import { StoredRecordError } from '../../src/store/stored-errors';
import { defineFormat, zodReader } from '../../src/store/stored-format';

// A document whose in-memory shape still carries the `v: 1` it was first written with, as
// cursors and purge jobs do, moved to a format 2.
const v1 = z.object({ v: z.literal(1).optional(), n: z.number() });
const v2 = z.object({ v: z.literal(2), n: z.number(), unit: z.string() });
type Doc = { v: 1; n: number; unit: string };

const format = defineFormat<Doc>({
  readers: {
    1: zodReader(v1, (d) => ({ v: 1, n: d.n, unit: 'ms' })),
    2: zodReader(v2, (d) => ({ v: 1, n: d.n, unit: d.unit })),
  },
  write: (d) => ({ ...d }),
});

describe('stored formats', () => {
  it("writes today's version even when the body carries an older v", () => {
    const stored = format.encode({ v: 1, n: 3, unit: 's' });
    expect(stored).toEqual({ v: 2, n: 3, unit: 's' });
    expect(format.versionOf(stored)).toBe(2);
    expect(format.decode(stored, 'doc')).toEqual({ v: 1, n: 3, unit: 's' });
  });

  it('reads a document without a version as format 1, and refuses a newer one by name', () => {
    expect(format.decode({ n: 5 }, 'doc')).toEqual({ v: 1, n: 5, unit: 'ms' });
    expect(() => format.decode({ v: 3, n: 5 }, 'cursor x')).toThrow(StoredRecordError);
    expect(() => format.decode({ v: 3, n: 5 }, 'cursor x')).toThrow(/cursor x.*format 3/);
  });
});
