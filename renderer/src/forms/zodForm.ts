import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/validation';

/**
 * Mantine form validation from a shared zod schema, so the form shows exactly
 * the messages the server would give. `toInput` turns the form's strings into
 * what the schema takes (numbers, nulls). Paths are the same dotted paths the
 * server puts in ApiError.field, via shared/validation's fieldErrors.
 */
export function zodValidate<Values>(schema: z.ZodType, toInput: (values: Values) => unknown) {
  return (values: Values): FormErrors => {
    const result = schema.safeParse(toInput(values));
    return result.success ? {} : fieldErrors(result.error);
  };
}

/** Runs several validators and keeps the first message for each field. */
export function combineValidators<Values>(...validators: Array<(values: Values) => FormErrors>) {
  return (values: Values): FormErrors => {
    const out: FormErrors = {};
    for (const validate of validators) {
      for (const [field, message] of Object.entries(validate(values))) if (!(field in out)) out[field] = message;
    }
    return out;
  };
}
