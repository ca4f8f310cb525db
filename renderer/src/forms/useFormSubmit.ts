import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import { focusField, formFieldOf } from './serverErrors';

/**
 * Submitting a form to the server: `send` runs once the form is valid; a refusal
 * naming one of `fields` goes on that field with the cursor there, any other
 * is `formError`. What was typed stays.
 */
export function useFormSubmit<V, T>(
  form: UseFormReturnType<V>,
  idPrefix: string,
  fields: readonly string[],
  send: (values: V) => Promise<Result<T>> | null,
  onDone: (data: T) => void,
) {
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(
    async (values) => {
      const sending = send(values);
      if (!sending) return;
      setSaving(true);
      setFormError(null);
      const result = await sending;
      setSaving(false);
      if (result.ok) return onDone(result.data);
      const field = formFieldOf(result.error, fields);
      if (field) {
        form.setFieldError(field, result.error.message);
        focusField(idPrefix, field);
      } else setFormError(result.error);
    },
    (errors) => {
      const first = fields.find((f) => errors[f]);
      if (first) focusField(idPrefix, first);
    },
  );

  return { submit, saving, formError };
}
