import type { Teammate, TeammatesDoc } from '../domain/config';

/**
 * One person is one teammate. A person is known by their emails (any case, on any source: an
 * Atlassian account has one email on every Cloud site) and their account IDs, typed in or found
 * by resolving one of their emails. Two teammates sharing any of these are the same person.
 */
export interface PersonKeys {
  emails: string[];
  accounts: string[];
}

export function personKeys(t: Pick<Teammate, 'externalIds'>): PersonKeys {
  const emails = new Set<string>();
  const accounts = new Set<string>();
  for (const x of t.externalIds) {
    if (x.type === 'email') {
      emails.add(x.value.trim().toLowerCase());
      for (const r of Object.values(x.resolutions ?? {})) if (r.status === 'resolved' && r.accountId) accounts.add(r.accountId);
    } else accounts.add(x.value.trim());
  }
  return { emails: [...emails], accounts: [...accounts] };
}

/** The other teammate that is already this person (by email or account), if any. */
export function ownerOfPerson(doc: TeammatesDoc, keys: Partial<PersonKeys>, exceptId?: string): Teammate | undefined {
  const emails = new Set((keys.emails ?? []).map((e) => e.trim().toLowerCase()));
  const accounts = new Set(keys.accounts ?? []);
  return doc.teammates.find((t) => {
    if (t.id === exceptId) return false;
    const k = personKeys(t);
    return k.emails.some((e) => emails.has(e)) || k.accounts.some((a) => accounts.has(a));
  });
}

export interface DuplicateGroup {
  /** What they share, e.g. "priya@example.com" or "account 5b10…". */
  shared: string[];
  teammates: { id: string; name: string }[];
}

/** Teammates that are one person, grouped (a chain of shared keys makes one group). */
export function findDuplicates(doc: TeammatesDoc): DuplicateGroup[] {
  const parent = new Map<string, string>(doc.teammates.map((t) => [t.id, t.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const firstByKey = new Map<string, string>();
  const sharedKeys = new Set<string>();
  for (const t of doc.teammates) {
    const k = personKeys(t);
    for (const key of [...k.emails.map((e) => `email ${e}`), ...k.accounts.map((a) => `account ${a}`)]) {
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, t.id);
      else {
        sharedKeys.add(key);
        parent.set(root(t.id), root(first));
      }
    }
  }
  const groups = new Map<string, DuplicateGroup>();
  for (const t of doc.teammates) {
    const r = root(t.id);
    const g = groups.get(r) ?? { shared: [], teammates: [] };
    g.teammates.push({ id: t.id, name: t.name });
    groups.set(r, g);
  }
  for (const key of sharedKeys) groups.get(root(firstByKey.get(key)!))!.shared.push(key);
  return [...groups.values()].filter((g) => g.teammates.length > 1);
}
