import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/auth/passphrase';

/** The rules, shown wherever a new passphrase is chosen (the common-password list is checked by the server). */
export const PASSPHRASE_RULES =
  `At least ${PASSPHRASE_MIN_LENGTH} characters, and not a common password. ` +
  'A short sentence only you would think of works well.';

/** The confirmation check of a form with a new passphrase in `field` and its repeat in `confirm`. */
export function confirmValidator<V extends { confirm: string }>(field: keyof V) {
  return (values: V): Record<string, string> =>
    values.confirm === values[field] ? {} : { confirm: 'The two passphrases are not the same' };
}

interface Props<V extends { confirm: string }> {
  form: UseFormReturnType<V>;
  /** The form field holding the new passphrase; its input id is `${idPrefix}-${field}`. */
  field: keyof V & string;
  idPrefix: string;
  label?: string;
}

/** A new passphrase typed twice, with the rules under it. */
export function NewPassphraseFields<V extends { confirm: string }>({ form, field, idPrefix, label = 'New passphrase' }: Props<V>) {
  return (
    <>
      <PasswordInput
        id={`${idPrefix}-${field}`}
        label={label}
        description={PASSPHRASE_RULES}
        required
        autoComplete="new-password"
        {...form.getInputProps(field)}
      />
      <PasswordInput
        id={`${idPrefix}-confirm`}
        label={`${label} again`}
        required
        autoComplete="new-password"
        {...form.getInputProps('confirm')}
      />
    </>
  );
}
