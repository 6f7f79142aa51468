import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldProblem } from '../../../src/shared/field-messages';
import type { ResultError } from '../../../src/shared/result';

type Errors = { fields: Record<string, string>; form?: string };

/**
 * A form's errors: every field's message at once, one for the form as a whole, and the focus on
 * the first field marked invalid. Attach `scope` to the form. A message for a field the form does
 * not show is put in the form's banner instead, so nothing the server said is lost.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  const [shown, setShown] = useState(0);
  const node = useRef<HTMLElement | null>(null);
  const scope = useCallback((el: HTMLElement | null) => {
    node.current = el;
  }, []);

  useEffect(() => {
    if (shown === 0) return;
    const first = node.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else if (!errors.form) {
      const message = Object.values(errors.fields)[0];
      if (message) setErrors((e) => ({ ...e, form: message }));
    }
    // Only when a new set of errors was shown: not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  const showProblems = (problems: FieldProblem[], form?: string) => {
    const fields: Record<string, string> = {};
    for (const p of problems) if (p.field && !(p.field in fields)) fields[p.field] = p.message;
    setErrors({ fields, ...(form ? { form } : {}) });
    setShown((n) => n + 1);
  };

  return {
    errors,
    scope,
    clear: () => setErrors({ fields: {} }),
    /** A resolver's error: all its fields (or its one field), else a form message. */
    show(e: ResultError) {
      const problems = e.fields?.length ? e.fields : e.field ? [{ field: e.field, message: e.message }] : [];
      showProblems(problems, problems.length ? undefined : e.message);
    },
    /** Problems found before sending (the same shape the server answers with). */
    showProblems,
  };
}
