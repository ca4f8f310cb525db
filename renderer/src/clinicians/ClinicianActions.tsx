import { Checkbox, PasswordInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/auth/passphrase';
import type { RequestOf } from '../../../shared/contract';
import {
  CLINICIAN_ROLES, CLINICIAN_ROLE_LABELS, clinicianCreate, clinicianDeactivate, clinicianUpdate, passphraseReset,
  type Clinician, type ClinicianRole,
} from '../../../shared/schemas/clinician';
import { call } from '../api/client';
import { CLINICIAN_FORM_ID, ClinicianActionModal } from './ClinicianActionModal';

const id = (field: string) => `${CLINICIAN_FORM_ID}-${field}`;

interface Details extends Record<string, unknown> {
  name: string;
  credentials: string;
  role: ClinicianRole | '';
  isAdmin: boolean;
}
const DETAIL_FIELDS = ['name', 'credentials', 'role', 'isAdmin'] as const;
const roleOrUndefined = (role: ClinicianRole | '') => (role === '' ? undefined : role);

function DetailsFields<V extends Details>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <>
      <TextInput id={id('name')} label="Full name" placeholder="e.g. Dr Amira Haddad" required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <TextInput id={id('credentials')} label="Credentials" placeholder="e.g. MD, RN, NP" autoComplete="off" {...form.getInputProps('credentials')} />
      <Radio.Group label="Role" description="Decides which clinical decisions they may make." required {...form.getInputProps('role')}>
        <Stack gap={6} mt={6}>
          {CLINICIAN_ROLES.map((role, i) => (
            <Radio key={role} value={role} label={CLINICIAN_ROLE_LABELS[role]} id={i === 0 ? id('role') : id(`role-${role}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        id={id('isAdmin')}
        label="Administrator"
        description="Manages clinicians and clinic settings, beside their role."
        {...form.getInputProps('isAdmin', { type: 'checkbox' })}
      />
    </>
  );
}

function TemporaryPassphraseField<V extends { temporaryPassphrase: string }>({ form, autoFocus = false }: { form: UseFormReturnType<V>; autoFocus?: boolean }) {
  return (
    <PasswordInput
      id={id('temporaryPassphrase')}
      label="Temporary passphrase"
      description={`At least ${PASSPHRASE_MIN_LENGTH} characters. Give it to them in person; they must choose their own at their next sign-in.`}
      required
      autoComplete="new-password"
      data-autofocus={autoFocus || undefined}
      {...form.getInputProps('temporaryPassphrase')}
    />
  );
}

function ReasonField<V extends { reason: string }>({ form, label, autoFocus = false }: { form: UseFormReturnType<V>; label: string; autoFocus?: boolean }) {
  return (
    <Textarea
      id={id('reason')}
      label={label}
      description="Kept in the audit log with the change."
      required
      autosize
      minRows={2}
      maxLength={500}
      data-autofocus={autoFocus || undefined}
      {...form.getInputProps('reason')}
    />
  );
}

interface ActionProps {
  onClose: () => void;
  onDone: (clinician: Clinician) => void;
}

export function AddClinicianModal(props: ActionProps) {
  type V = Details & { temporaryPassphrase: string };
  return (
    <ClinicianActionModal<V>
      {...props}
      title="Add a clinician"
      initialValues={{ name: '', credentials: '', role: '', isAdmin: false, temporaryPassphrase: '' }}
      fields={[...DETAIL_FIELDS, 'temporaryPassphrase']}
      schema={clinicianCreate}
      toInput={(v) => ({ ...v, role: roleOrUndefined(v.role) })}
      send={(input: RequestOf<'clinicians.create'>) => call('clinicians.create', input)}
      renderFields={(form) => (
        <>
          <DetailsFields form={form} />
          <TemporaryPassphraseField form={form} />
        </>
      )}
      submitLabel="Add clinician"
    />
  );
}

export function ChangeClinicianModal({ clinician, ...props }: ActionProps & { clinician: Clinician }) {
  type V = Details & { reason: string };
  return (
    <ClinicianActionModal<V>
      {...props}
      title={`Change ${clinician.name}`}
      intro="Their earlier signatures keep the name and role they had when they signed."
      initialValues={{ name: clinician.name, credentials: clinician.credentials, role: clinician.role, isAdmin: clinician.isAdmin, reason: '' }}
      fields={[...DETAIL_FIELDS, 'reason']}
      schema={clinicianUpdate}
      toInput={(v) => ({ ...v, id: clinician.id, role: roleOrUndefined(v.role) })}
      send={(input: RequestOf<'clinicians.update'>) => call('clinicians.update', input)}
      renderFields={(form) => (
        <>
          <DetailsFields form={form} />
          <ReasonField form={form} label="Reason for the change" />
        </>
      )}
      submitLabel="Save changes"
    />
  );
}

export function DeactivateClinicianModal({ clinician, ...props }: ActionProps & { clinician: Clinician }) {
  return (
    <ClinicianActionModal<{ reason: string }>
      {...props}
      title={`Deactivate ${clinician.name}?`}
      intro="They can no longer sign in, and their passphrase opens nothing. Nothing is deleted: their records and signatures stay, under their name."
      initialValues={{ reason: '' }}
      fields={['reason']}
      schema={clinicianDeactivate}
      toInput={(v) => ({ ...v, id: clinician.id })}
      send={(input: RequestOf<'clinicians.deactivate'>) => call('clinicians.deactivate', input)}
      renderFields={(form) => <ReasonField form={form} label="Reason for deactivating" autoFocus />}
      submitLabel="Deactivate"
      danger
    />
  );
}

export function ResetPassphraseModal({ clinician, ...props }: ActionProps & { clinician: Clinician }) {
  type V = { temporaryPassphrase: string; reason: string };
  return (
    <ClinicianActionModal<V>
      {...props}
      title={`Reset ${clinician.name}’s passphrase`}
      intro="Their old passphrase stops working now. They sign in with the temporary one and must choose their own at once."
      initialValues={{ temporaryPassphrase: '', reason: '' }}
      fields={['temporaryPassphrase', 'reason']}
      schema={passphraseReset}
      toInput={(v) => ({ ...v, id: clinician.id })}
      send={(input: RequestOf<'clinicians.resetPassphrase'>) => call('clinicians.resetPassphrase', input)}
      renderFields={(form) => (
        <>
          <TemporaryPassphraseField form={form} autoFocus />
          <ReasonField form={form} label="Reason for the reset" />
        </>
      )}
      submitLabel="Reset passphrase"
    />
  );
}
