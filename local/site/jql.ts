import { badRequest } from './http-types';

/**
 * A JQL subset: clauses `field op value` joined with AND / OR / NOT and parentheses, then
 * ORDER BY. Operators = != > >= < <= IN, NOT IN, IS [NOT] EMPTY. Values are words, numbers,
 * quoted strings or parenthesised lists. Semantics live in jql-eval.ts.
 */

export type JqlValue = { kind: 'text'; text: string; quoted: boolean } | { kind: 'empty' };
export type JqlOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';
export type JqlExpr =
  | { kind: 'and'; items: JqlExpr[] }
  | { kind: 'or'; items: JqlExpr[] }
  | { kind: 'not'; item: JqlExpr }
  | { kind: 'clause'; field: string; op: JqlOp; values: JqlValue[] };
export interface JqlOrder {
  field: string;
  dir: 'asc' | 'desc';
}
export interface JqlQuery {
  where: JqlExpr | null;
  orderBy: JqlOrder[];
}

type Tok = { t: 'word' | 'str' | 'op' | 'punct'; v: string; quoted?: boolean };

function tokenize(jql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < jql.length && jql[j] !== c) {
        if (jql[j] === '\\' && j + 1 < jql.length) j++;
        s += jql[j++];
      }
      if (j >= jql.length) throw jqlError(`The quoted string starting at character ${i + 1} is not closed.`);
      out.push({ t: 'str', v: s, quoted: true });
      i = j + 1;
      continue;
    }
    const op = /^(!=|>=|<=|=|>|<|!~|~)/.exec(jql.slice(i));
    if (op) {
      if (op[1].includes('~')) throw jqlError(`The operator '${op[1]}' is not supported by this site.`);
      out.push({ t: 'op', v: op[1] });
      i += op[1].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: 'punct', v: c }); i++; continue; }
    const w = /^[A-Za-z0-9_.\-+:@/]+/.exec(jql.slice(i));
    if (!w) throw jqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character.`);
    out.push({ t: 'word', v: w[0] });
    i += w[0].length;
  }
  return out;
}

export function jqlError(message: string): Error {
  return badRequest(message);
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined { return this.toks[this.i]; }
  private isWord(v: string, off = 0): boolean {
    const t = this.toks[this.i + off];
    return t?.t === 'word' && t.v.toLowerCase() === v;
  }
  private expectPunct(v: string): void {
    const t = this.toks[this.i++];
    if (t?.t !== 'punct' || t.v !== v) throw jqlError(`Error in the JQL Query: Expecting '${v}' but got '${t?.v ?? 'end of query'}'.`);
  }

  parse(): JqlQuery {
    const where = this.peek() && !(this.isWord('order') && this.isWord('by', 1)) ? this.or() : null;
    const orderBy: JqlOrder[] = [];
    if (this.isWord('order') && this.isWord('by', 1)) {
      this.i += 2;
      do {
        const f = this.toks[this.i++];
        if (!f || (f.t !== 'word' && f.t !== 'str')) throw jqlError('Error in the JQL Query: Expecting a field name after ORDER BY.');
        let dir: 'asc' | 'desc' = 'asc';
        if (this.isWord('asc') || this.isWord('desc')) dir = this.toks[this.i++].v.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field: f.v.toLowerCase(), dir });
      } while (this.peek()?.v === ',' && ++this.i);
    }
    if (this.peek()) throw jqlError(`Error in the JQL Query: Unexpected '${this.peek()?.v}'.`);
    if (orderBy.length > 7) throw jqlError('ORDER BY supports at most 7 fields.');
    return { where, orderBy };
  }

  private or(): JqlExpr {
    const items = [this.and()];
    while (this.isWord('or')) { this.i++; items.push(this.and()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }
  private and(): JqlExpr {
    const items = [this.not()];
    while (this.isWord('and')) { this.i++; items.push(this.not()); }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }
  private not(): JqlExpr {
    if (this.isWord('not')) { this.i++; return { kind: 'not', item: this.not() }; }
    if (this.peek()?.v === '(' && this.peek()?.t === 'punct') {
      this.i++;
      const e = this.or();
      this.expectPunct(')');
      return e;
    }
    return this.clause();
  }
  private clause(): JqlExpr {
    const f = this.toks[this.i++];
    if (!f || (f.t !== 'word' && f.t !== 'str')) throw jqlError(`Error in the JQL Query: Expecting a field name but got '${f?.v ?? 'end of query'}'.`);
    const field = f.v.toLowerCase();
    let op: JqlOp;
    const t = this.peek();
    if (t?.t === 'op') { op = t.v as JqlOp; this.i++; }
    else if (this.isWord('in')) { op = 'in'; this.i++; }
    else if (this.isWord('not') && this.isWord('in', 1)) { op = 'not in'; this.i += 2; }
    else if (this.isWord('is') && this.isWord('not', 1)) { op = 'is not'; this.i += 2; }
    else if (this.isWord('is')) { op = 'is'; this.i++; }
    else throw jqlError(`Error in the JQL Query: Expecting an operator after '${f.v}' but got '${t?.v ?? 'end of query'}'.`);
    const values = op === 'in' || op === 'not in' ? this.list() : [this.value()];
    return { kind: 'clause', field, op, values };
  }
  private list(): JqlValue[] {
    this.expectPunct('(');
    const out = [this.value()];
    while (this.peek()?.v === ',') { this.i++; out.push(this.value()); }
    this.expectPunct(')');
    return out;
  }
  private value(): JqlValue {
    const t = this.toks[this.i++];
    if (!t || t.t === 'punct' || t.t === 'op') throw jqlError(`Error in the JQL Query: Expecting a value but got '${t?.v ?? 'end of query'}'.`);
    if (t.t === 'word' && /\($/.test(t.v)) throw jqlError('JQL functions are not supported by this site.');
    if (t.t === 'word' && this.peek()?.v === '(' && this.peek()?.t === 'punct') {
      throw jqlError(`The JQL function '${t.v}()' is not supported by this site.`);
    }
    if (t.t === 'word' && (t.v.toLowerCase() === 'empty' || t.v.toLowerCase() === 'null')) return { kind: 'empty' };
    return { kind: 'text', text: t.v, quoted: t.t === 'str' };
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}
