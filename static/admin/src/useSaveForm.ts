import { useState, type FormEvent } from 'react';
import type { Result } from '../../../src/shared/result';
import { useFieldErrors } from './useFieldErrors';

/**
 * A form saved by one resolver call: the previous errors cleared and the button busy while it
 * runs, then every error at its field (useFieldErrors). Attach `scope` to the form.
 */
export function useSaveForm() {
  const fieldErrors = useFieldErrors();
  const [busy, setBusy] = useState(false);

  /** Sends the form: the answer's data, or undefined once its errors are shown. */
  async function submit<T>(e: FormEvent, send: () => Promise<Result<T>>): Promise<T | undefined> {
    e.preventDefault();
    fieldErrors.clear();
    setBusy(true);
    const r = await send();
    setBusy(false);
    if (r.ok) return r.data;
    fieldErrors.show(r.error);
    return undefined;
  }

  return { ...fieldErrors, busy, submit };
}
