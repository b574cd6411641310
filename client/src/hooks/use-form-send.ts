import { useState } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../services/http';
import { fieldErrorsOf, type FieldErrors } from '../lib/form-errors';
import { showModal } from '../lib/modal';

/**
 * A form checked with its shared schema before it is sent: `errors` by field path (the schema's issues, then the
 * server's `fields`), `busy` while sending, and a refusal told in a modal titled `refusedTitle` (未能保存…).
 */
export function useFormSend(refusedTitle: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  /** An invalid `checked` shows its issues (keyed by `errorsOf`); a valid one goes to `send`. */
  const send = async <T>(
    checked: z.ZodSafeParseResult<T>,
    sendValue: (value: T) => Promise<void>,
    errorsOf: (error: z.ZodError) => FieldErrors = fieldErrorsOf,
  ): Promise<void> => {
    if (!checked.success) {
      setErrors(errorsOf(checked.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await sendValue(checked.data);
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      void showModal({ title: refusedTitle, content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, send };
}
