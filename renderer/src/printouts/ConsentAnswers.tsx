import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState, type FormEvent, type ReactNode } from 'react';
import { consentDeclinedMeaning, consentSignedMeaning, consentWithdrawnMeaning } from '../../../shared/auth/meanings';
import { consentStanding } from '../../../shared/consent/standing';
import { CONSENT_FORM, consentFormLabel } from '../../../shared/printouts/consent';
import type { PlannedTreatment } from '../../../shared/printouts/input';
import { TREATMENT_OPTIONS, TREATMENT_WORDS } from '../../../shared/printouts/treatment';
import type { Consent, ConsentStatus } from '../../../shared/schemas/consent';
import { FUTURE_TOLERANCE_MS, toMs } from '../../../shared/session/time';
import { call } from '../api/client';
import type { useLoad } from '../api/useLoad';
import { useSignature } from '../app/signature';
import { AppModal } from '../components/AppModal';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { FormActions } from '../forms/FormActions';
import { formatDateTime } from '../format/dates';

// The chart's record of consent: the patient's answer to the printed form
// (signed before a witness, or declined) and withdrawals of a signed consent,
// each an electronic signature. Printing the form records nothing.

type Loaded = ReturnType<typeof useLoad<'consents.listForPatient'>>['loaded'];


const STATUS_BADGE: Record<ConsentStatus, { label: string; color: string }> = {
  signed: { label: 'Signed', color: 'clinic' },
  declined: { label: 'Declined', color: 'orange' },
  withdrawn: { label: 'Withdrawn', color: 'red' },
};

/** A datetime-local value (local time, to the minute) for an instant. */
const localInput = (iso: string) => dayjs(iso).format('YYYY-MM-DDTHH:mm');

/** The instant a datetime-local value means, or why it cannot be used. */
function instantOf(value: string, label: string): { at: string } | { problem: string } {
  const d = dayjs(value);
  if (!value || !d.isValid()) return { problem: `Enter the ${label}` };
  if (toMs(d.toISOString()) > Date.now() + FUTURE_TOLERANCE_MS) return { problem: 'The time cannot be in the future' };
  return { at: d.toISOString() };
}

/** What the answer and withdrawal forms share: a time (now by default), field errors, and the signature. */
function useSignedForm() {
  const [time, setTime] = useState(() => localInput(new Date().toISOString()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return { time, setTime, errors, setErrors, busy, setBusy, ...useSignature() };
}

function SignedFormModal({ title, signing, dialog, onClose, onSubmit, children }: {
  title: string;
  signing: boolean;
  dialog: ReactNode;
  onClose: () => void;
  onSubmit: (e: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <>
      <AppModal title={title} onClose={() => !signing && onClose()} size="lg" closeOnEscape={!signing}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack gap="sm">{children}</Stack>
        </form>
      </AppModal>
      {dialog}
    </>
  );
}

function TimeField({ label, description, value, onChange, error }: { label: string; description: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  return <TextInput type="datetime-local" label={label} description={description} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} w={260} />;
}

export function ConsentAnswers({ patientId, treatment, loaded, onRetry, onChanged, printedForm }: {
  patientId: string;
  /** The treatment chosen on the Printouts tab: the answer form starts with it. */
  treatment: PlannedTreatment;
  loaded: Loaded;
  onRetry: () => void;
  onChanged: () => void;
  /** Set once the consent form has been printed or saved on this visit to the tab. */
  printedForm: boolean;
}) {
  const [answering, setAnswering] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const standing = loaded.state === 'ready' ? consentStanding(loaded.data, treatment) : null;

  return (
    <Paper withBorder p="md" aria-labelledby="consents-title" component="section" data-testid="consents">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h3" id="consents-title">
            Consent
          </Title>
          <Text size="sm" c="dimmed">
            Printing the consent form records nothing. When the patient has signed it before a witness, or declined, record their answer.
          </Text>
        </div>
        <Button onClick={() => setAnswering(true)}>Record the patient’s answer</Button>
      </Group>
      {printedForm && standing?.state !== 'consented' && (
        <Alert color="blue" variant="light" mb="sm" data-testid="consent-printed-hint">
          <Text size="sm">The consent form was printed. Once the patient has read it and signed or declined, record their answer here.</Text>
        </Alert>
      )}
      {loaded.state === 'loading' && <CenteredLoader label="Loading consents" />}
      {loaded.state === 'failed' && <LoadError title="Consents could not be loaded" error={loaded.error} onRetry={onRetry} />}
      {loaded.state === 'ready' &&
        (loaded.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-consents">
            No answer recorded yet. A session can start only after the patient signs the current form (version {CONSENT_FORM.version}).
          </Text>
        ) : (
          <ConsentHistory consents={loaded.data} onWithdraw={setWithdrawing} />
        ))}
      {answering && (
        <AnswerModal patientId={patientId} treatment={treatment} onClose={() => setAnswering(false)} onSaved={() => { setAnswering(false); onChanged(); }} />
      )}
      {withdrawing && (
        <WithdrawModal consent={withdrawing} onClose={() => setWithdrawing(null)} onSaved={() => { setWithdrawing(null); onChanged(); }} />
      )}
    </Paper>
  );
}

function ConsentHistory({ consents, onWithdraw }: { consents: Consent[]; onWithdraw: (c: Consent) => void }) {
  return (
    <Stack gap="xs" component="ul" aria-label="Consent history" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {consents.map((c) => {
        const badge = STATUS_BADGE[c.status];
        return (
          <Group key={c.id} component="li" gap="sm" wrap="nowrap" align="flex-start" justify="space-between" data-testid="consent-entry" data-status={c.status}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Badge variant="light" color={badge.color} miw={104} style={{ flexShrink: 0, overflow: "visible" }}>
                {badge.label}
              </Badge>
              <div>
                <Text size="sm">
                  {TREATMENT_WORDS[c.plannedTreatment].label} · {consentFormLabel(c.formVersion, c.formDate)}
                  {c.current ? '' : ' (an older form: the patient signs the current one again)'}
                </Text>
                <Text size="sm" c="dimmed">
                  {c.answer === 'signed' ? 'Signed' : 'Declined'} {formatDateTime(c.answeredAt)}
                  {c.witnessName ? `, witnessed by ${c.witnessName}` : c.recordedOnPrinting ? '' : ', no witness recorded'}
                  {c.recordedOnPrinting
                    ? ` · recorded by ${c.recordedByName} when the form was printed, before KetaDesk recorded signatures and witnesses`
                    : ` · recorded by ${c.recordedByName}, ${formatDateTime(c.recordedAt)}`}
                </Text>
                {c.withdrawal && (
                  <Text size="sm" c="red.9" data-testid="consent-withdrawal">
                    Withdrawn {formatDateTime(c.withdrawal.withdrawnAt)}: {c.withdrawal.reason} · recorded by {c.withdrawal.recordedByName}
                  </Text>
                )}
              </div>
            </Group>
            {c.status === 'signed' && (
              <Button variant="default" size="xs" color="red" onClick={() => onWithdraw(c)} style={{ flexShrink: 0 }}>
                Withdraw consent
              </Button>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

type Answer = 'signed' | 'declined';

function AnswerModal({ patientId, treatment: initial, onClose, onSaved }: { patientId: string; treatment: PlannedTreatment; onClose: () => void; onSaved: () => void }) {
  const [answer, setAnswer] = useState<Answer>('signed');
  const [treatment, setTreatment] = useState<PlannedTreatment>(initial);
  const [witness, setWitness] = useState('');
  const { time, setTime, errors, setErrors, busy, setBusy, sign, signing, dialog } = useSignedForm();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const when = instantOf(time, answer === 'signed' ? 'time signed' : 'time declined');
    if ('problem' in when) found.time = when.problem;
    if (answer === 'signed' && !witness.trim()) found.witness = 'Enter who witnessed the signature';
    setErrors(found);
    if ('problem' in when || Object.keys(found).length > 0) return;
    const form = { patientId, formVersion: CONSENT_FORM.version, plannedTreatment: treatment };
    setBusy(true);
    const result =
      answer === 'signed'
        ? await sign([consentSignedMeaning({ ...form, witnessName: witness })], (signature) =>
            call('consents.recordSigned', { ...form, witnessName: witness, signedAt: when.at, signature }))
        : await sign([consentDeclinedMeaning(form)], (signature) =>
            call('consents.recordDeclined', { ...form, witnessName: witness.trim() || null, declinedAt: when.at, signature }));
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      setErrors({ [result.error.field === 'witnessName' ? 'witness' : result.error.field?.endsWith('At') ? 'time' : 'form']: result.error.message });
      return;
    }
    notifications.show({
      color: 'clinic',
      title: answer === 'signed' ? 'Signed consent recorded' : 'Declined consent recorded',
      message: `${TREATMENT_WORDS[treatment].label}, ${consentFormLabel()}.`,
    });
    onSaved();
  };

  return (
    <SignedFormModal title="Record the patient’s answer" signing={signing} dialog={dialog} onClose={onClose} onSubmit={submit}>
      <Text size="sm">
        Form: <strong>{consentFormLabel()}</strong>, the version printed from this tab.
      </Text>
      <Select label="Treatment" data={TREATMENT_OPTIONS} value={treatment} onChange={(v) => v && setTreatment(v as PlannedTreatment)} allowDeselect={false} />
      <div>
        <Text size="sm" fw={500} id="consent-answer-label">
          The patient’s answer
        </Text>
        <SegmentedControl
          aria-labelledby="consent-answer-label"
          data={[
            { value: 'signed', label: 'Signed the form' },
            { value: 'declined', label: 'Declined' },
          ]}
          value={answer}
          onChange={(v) => setAnswer(v as Answer)}
        />
      </div>
      <TextInput
        label={answer === 'signed' ? 'Witness' : 'Witness (optional)'}
        description="The name written on the witness line of the form"
        value={witness}
        onChange={(e) => { setWitness(e.currentTarget.value); setErrors(({ witness: _, ...rest }) => rest); }}
        maxLength={120}
        withAsterisk={answer === 'signed'}
        error={errors.witness}
      />
      <TimeField label={answer === 'signed' ? 'Time signed' : 'Time declined'} description="As written on the form; not in the future" value={time} onChange={setTime} error={errors.time} />
      {errors.form && (
        <Text size="sm" c="red.9" role="alert">
          {errors.form}
        </Text>
      )}
      <FormActions onCancel={onClose} cancelDisabled={busy} saving={busy} submitLabel={answer === 'signed' ? 'Record signed consent' : 'Record declined'} />
    </SignedFormModal>
  );
}

function WithdrawModal({ consent, onClose, onSaved }: { consent: Consent; onClose: () => void; onSaved: () => void }) {
  const [reason, setReason] = useState('');
  const { time, setTime, errors, setErrors, busy, setBusy, sign, signing, dialog } = useSignedForm();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const when = instantOf(time, 'time withdrawn');
    if ('problem' in when) found.time = when.problem;
    else if (toMs(when.at) < toMs(consent.answeredAt) - 60_000) found.time = 'The time withdrawn cannot be before the consent was signed';
    if (!reason.trim()) found.reason = 'Enter why the patient withdrew consent';
    setErrors(found);
    if ('problem' in when || Object.keys(found).length > 0) return;
    // A minute-precision time in the minute of signing is the signing time itself.
    const withdrawnAt = toMs(when.at) < toMs(consent.answeredAt) ? consent.answeredAt : when.at;
    setBusy(true);
    const result = await sign([consentWithdrawnMeaning(consent, reason)], (signature) =>
      call('consents.withdraw', { consentId: consent.id, withdrawnAt, reason, signature }));
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      setErrors({ [result.error.field === 'reason' ? 'reason' : 'time']: result.error.message });
      return;
    }
    notifications.show({ color: 'clinic', title: 'Consent withdrawn', message: 'No new session for this treatment until the patient signs a new consent.' });
    onSaved();
  };

  return (
    <SignedFormModal title="Withdraw consent" signing={signing} dialog={dialog} onClose={onClose} onSubmit={submit}>
      <Text size="sm">
        {TREATMENT_WORDS[consent.plannedTreatment].label} · {consentFormLabel(consent.formVersion, consent.formDate)}, signed {formatDateTime(consent.answeredAt)}.
        After this, no new session for this treatment can start until the patient signs a new consent. The signed entry is kept.
      </Text>
      <Textarea label="Reason" withAsterisk autosize minRows={2} maxLength={500} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setErrors(({ reason: _, ...rest }) => rest); }} error={errors.reason} />
      <TimeField label="Time withdrawn" description="When the patient withdrew; not in the future" value={time} onChange={setTime} error={errors.time} />
      <FormActions onCancel={onClose} cancelDisabled={busy} saving={busy} submitColor="red" submitLabel="Withdraw consent" />
    </SignedFormModal>
  );
}
