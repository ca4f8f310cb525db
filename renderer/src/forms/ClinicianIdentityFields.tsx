import { Radio, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { CLINICIAN_ROLES, CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';

/** The form values these fields edit; a role not yet chosen is ''. */
export interface ClinicianIdentityValues {
  name: string;
  credentials: string;
  role: '' | (typeof CLINICIAN_ROLES)[number];
}

/** The form's role '' (not chosen) goes to the server as missing, so the schema names it. */
export const roleOrMissing = <V extends ClinicianIdentityValues>(v: V) => ({ ...v, role: v.role === '' ? undefined : v.role });

interface Props<V extends ClinicianIdentityValues> {
  form: UseFormReturnType<V>;
  /** Input ids are `${idPrefix}-name`, `-credentials`, `-role`, so a refusal can put the cursor there. */
  idPrefix: string;
  /** "Your …" when clinicians describe themselves (clinic setup). */
  ownDetails?: boolean;
}

/** Name, credentials and clinical role of a clinician. */
export function ClinicianIdentityFields<V extends ClinicianIdentityValues>({ form, idPrefix, ownDetails = false }: Props<V>) {
  return (
    <>
      <TextInput
        id={`${idPrefix}-name`}
        label={ownDetails ? 'Your full name' : 'Full name'}
        placeholder="e.g. Dr Amira Haddad"
        required
        autoComplete="name"
        data-autofocus
        autoFocus
        {...form.getInputProps('name')}
      />
      <TextInput
        id={`${idPrefix}-credentials`}
        label="Credentials"
        placeholder="e.g. MD, RN, NP"
        autoComplete="off"
        {...form.getInputProps('credentials')}
      />
      <Radio.Group label={ownDetails ? 'Your role' : 'Role'} required {...form.getInputProps('role')}>
        <Stack gap={8} mt={6}>
          {CLINICIAN_ROLES.map((role, i) => (
            <Radio key={role} value={role} label={CLINICIAN_ROLE_LABELS[role]} id={i === 0 ? `${idPrefix}-role` : `${idPrefix}-role-${role}`} />
          ))}
        </Stack>
      </Radio.Group>
    </>
  );
}
