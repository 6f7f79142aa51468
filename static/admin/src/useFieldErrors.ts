import { useState } from 'react';
import type { ResultError } from '../../../src/shared/result';

/** Splits a resolver error into one message per field, and one for the form as a whole. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form?: string }>({ fields: {} });
  return {
    errors,
    clear: () => setErrors({ fields: {} }),
    show(e: ResultError) {
      setErrors(e.field ? { fields: { [e.field]: e.message } } : { fields: {}, form: e.message });
    },
  };
}
