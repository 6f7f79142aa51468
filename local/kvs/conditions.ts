import { KvsError } from './errors';

/** `{condition, values}` as @forge/kvs WhereConditions / FilterConditions build them. */
export interface Condition {
  condition: string;
  values: unknown[];
}
export interface PropertyCondition extends Condition {
  property: string;
}
export type FilterGroup = { and: PropertyCondition[] } | { or: PropertyCondition[] };

const RANGE_CONDITIONS = new Set(['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);
const FILTER_CONDITIONS = new Set([...RANGE_CONDITIONS, 'CONTAINS', 'NOT_CONTAINS', 'NOT_EQUAL_TO', 'EXISTS', 'NOT_EXISTS']);

export function assertCondition(c: unknown, kind: 'range' | 'filter'): asserts c is Condition {
  const allowed = kind === 'range' ? RANGE_CONDITIONS : FILTER_CONDITIONS;
  if (!c || typeof c !== 'object' || typeof (c as Condition).condition !== 'string' || !Array.isArray((c as Condition).values)) {
    throw new KvsError('INVALID_CONDITION', `A ${kind} condition must be {condition, values[]}, got ${JSON.stringify(c)}.`);
  }
  const { condition, values } = c as Condition;
  if (!allowed.has(condition)) {
    throw new KvsError('INVALID_CONDITION', `"${condition}" is not a valid ${kind} condition (allowed: ${[...allowed].join(', ')}).`);
  }
  const arity = condition === 'BETWEEN' ? 2 : 1;
  if (values.length !== arity) {
    throw new KvsError('INVALID_CONDITION', `${condition} takes ${arity} value(s), got ${values.length}.`);
  }
}

/** Parses `{and:[…]}` / `{or:[…]}`; mixing both or an empty list is an error. */
export function parseFilterGroup(raw: unknown): { op: 'and' | 'or'; items: PropertyCondition[] } | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw new KvsError('INVALID_CONDITION', 'filters/conditions must be {and:[…]} or {or:[…]}.');
  const keys = Object.keys(raw);
  if (keys.length !== 1 || (keys[0] !== 'and' && keys[0] !== 'or')) {
    throw new KvsError('INVALID_CONDITION', `filters/conditions must have exactly one of "and" / "or", got ${JSON.stringify(keys)}.`);
  }
  const op = keys[0] as 'and' | 'or';
  const items = (raw as Record<string, unknown>)[op];
  if (!Array.isArray(items) || items.length === 0) {
    throw new KvsError('INVALID_CONDITION', `"${op}" needs at least one condition.`);
  }
  for (const it of items) {
    assertCondition(it, 'filter');
    if (typeof (it as PropertyCondition).property !== 'string') {
      throw new KvsError('INVALID_CONDITION', `Each filter needs a "property", got ${JSON.stringify(it)}.`);
    }
  }
  return { op, items: items as PropertyCondition[] };
}

/** Orders two scalar attribute values; values of different types are incomparable (undefined). */
export function compareScalars(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

export function matches(actual: unknown, c: Condition): boolean {
  const [v0, v1] = c.values;
  const cmp = (x: unknown) => compareScalars(actual, x);
  switch (c.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && (cmp(v0) === 0 || deepEqual(actual, v0));
    case 'NOT_EQUAL_TO':
      return !(actual !== undefined && (cmp(v0) === 0 || deepEqual(actual, v0)));
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof v0 === 'string' && actual.startsWith(v0);
    case 'BETWEEN': {
      const lo = cmp(v0);
      const hi = cmp(v1);
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
    }
    case 'GREATER_THAN':
      return (cmp(v0) ?? -1) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (cmp(v0) ?? -1) >= 0;
    case 'LESS_THAN':
      return (cmp(v0) ?? 1) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (cmp(v0) ?? 1) <= 0;
    case 'CONTAINS':
      return contains(actual, v0);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, v0);
    default:
      return false;
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string' && typeof needle === 'string') return actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((x) => deepEqual(x, needle));
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function matchesGroup(value: Record<string, unknown> | undefined, group: { op: 'and' | 'or'; items: PropertyCondition[] }): boolean {
  const test = (c: PropertyCondition) => matches(value?.[c.property], c);
  return group.op === 'and' ? group.items.every(test) : group.items.some(test);
}
