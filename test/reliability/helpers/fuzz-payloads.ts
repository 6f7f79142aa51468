import fc from 'fast-check';

/**
 * Payload generators for resolver fuzzing: anything at all (wrong types, nesting, odd keys), and
 * a valid payload of the key with one thing broken (a field dropped, an extra field, a field set
 * to a wrong type, a huge or odd string, a number out of range or NaN-ish, a prototype key).
 */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const protoObjects = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  { constructor: 'x' },
  Object.create(null),
);

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  'undefined',
  'true',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE x; --",
  'ＡＣＭＥ',
  '𝔞𝔠𝔪𝔢 🧪 \u202e',
  'a\nb\r\nc\t',
  '2026-02-30',
  '9999-99-99',
  'https://acme.atlassian.net',
  'javascript:alert(1)',
);

const oddNumbers = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, 2 ** 31, 2 ** 53 + 2, Number.MIN_VALUE, 1.5, -(2 ** 31) - 1);

export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: oddStrings },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 120_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 3, arbitrary: oddNumbers },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 101, maxLength: 400 }) },
  { weight: 2, arbitrary: protoObjects },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2, key: fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS)) }) },
);

type Json = Record<string, unknown>;

function setPath(target: Json, path: string[], value: unknown): void {
  let o: Json = target;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    if (next === null || typeof next !== 'object') return;
    o = next as Json;
  }
  try {
    // defineProperty, not assignment: a "__proto__" key must become an own property, as JSON.parse makes it.
    Object.defineProperty(o, path[path.length - 1], { value, enumerable: true, configurable: true, writable: true });
  } catch {
    // Some keys cannot be redefined (an array's length): that payload keeps its valid value.
  }
}

function deletePath(target: Json, path: string[]): void {
  let o: Json = target;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    if (next === null || typeof next !== 'object') return;
    o = next as Json;
  }
  delete o[path[path.length - 1]];
}

/** Every path to a value in a valid payload (objects and array elements included). */
function paths(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

/** A valid payload with one thing broken. */
export function mutatedPayload(valid: Json): fc.Arbitrary<unknown> {
  const ps = paths(valid);
  const path: fc.Arbitrary<string[]> = ps.length ? fc.constantFrom(...ps) : fc.constant<string[]>(['x']);
  return fc
    .record({
      op: fc.constantFrom('drop', 'extra', 'replace', 'replace', 'replace', 'proto'),
      path,
      extraKey: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTO_KEYS)),
      value: weirdValue,
    })
    .map(({ op, path: p, extraKey, value }) => {
      const copy = structuredClone(valid);
      if (op === 'drop') deletePath(copy, p);
      else if (op === 'extra') setPath(copy, [...p.slice(0, -1), extraKey], value);
      else if (op === 'proto') Object.assign(copy, JSON.parse('{"__proto__":{"isAdmin":true,"polluted":"yes"}}'));
      else setPath(copy, p, value);
      return copy;
    });
}

/** What a resolver of `key` is fuzzed with. */
export function payloadArbitrary(valid: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: mutatedPayload(valid) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, key: fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS)) }) },
    { weight: 1, arbitrary: weirdValue },
  );
}
