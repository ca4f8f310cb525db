import { Alert, Anchor, Button, Checkbox, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/result';
import { CLINICIAN_ROLE_LABELS, type Clinician } from '../../../shared/schemas/clinician';
import type { DraftSigning, Screening } from '../../../shared/schemas/screening';
import type { ScreeningResult } from '../../../shared/screening';
import { cautionRuleIds, signingProblems } from '../../../shared/screening-signing';
import { screeningMeanings } from '../../../shared/auth/meanings';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { missingWhy } from './model';
import type { FlushResult } from './useDraftAutosave';

interface Props {
  draft: Screening;
  /** The live verdict of what is on screen. */
  result: ScreeningResult;
  clinician: Clinician;
  validityDays: number | null;
  /** What is ticked and typed here, saved with the draft like its answers. */
  signing: DraftSigning;
  onSigning: (update: (current: DraftSigning) => DraftSigning) => void;
  flush: () => Promise<FlushResult>;
  onSigned: (signed: Screening) => void;
  onJumpToMissing: () => void;
}

/**
 * What signing needs, checked live with the same rules the store applies:
 * every caution acknowledged, a prescriber's written reason to override a
 * contraindication, and a reason for an amendment. Sign stays disabled until
 * nothing is left; the store checks again and its refusal is shown as is.
 * The ticks and reasons are autosaved with the draft, so reopening it brings
 * them back; signing still sends them and the store judges them afresh.
 */
export function SigningPanel({
  draft, result, clinician, validityDays, signing, onSigning, flush, onSigned, onJumpToMissing,
}: Props) {
  const { acknowledgedRuleIds: acknowledged, overrideReason, amendmentReason } = signing;
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const { sign: signElectronically, dialog: signatureDialog } = useSignature();

  const cautions = useMemo(() => cautionRuleIds(result), [result]);
  const contraindicated = result.verdict === 'contraindicated';
  const isAmendment = draft.amendsId !== null;
  const acknowledgedNow = acknowledged.filter((id) => cautions.includes(id));
  const problems = signingProblems(result, {
    acknowledgedRuleIds: acknowledgedNow,
    overrideReason,
    amendmentReason,
    isAmendment,
    signerRole: clinician.role,
  });

  const sign = async () => {
    setBusy(true);
    setServerError(null);
    const saved = await flush();
    if (!saved.ok) {
      setBusy(false);
      setServerError(saved.error);
      return;
    }
    const reasons = { ...(contraindicated ? { overrideReason } : {}), ...(isAmendment ? { amendmentReason } : {}) };
    const signed = await signElectronically(screeningMeanings(result, reasons), (signature) =>
      call('screenings.sign', {
        id: saved.screening.id,
        expectedVersion: saved.screening.version,
        acknowledgedRuleIds: acknowledgedNow,
        ...reasons,
        signature,
      }),
    );
    setBusy(false);
    if (!signed) return;
    if (!signed.ok) setServerError(signed.error);
    else onSigned(signed.data);
  };

  const messagesFor = (ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="screening-sign-title" data-testid="signing-panel">
      <Title order={3} id="screening-sign-title" mb={6}>
        Sign
      </Title>
      <Stack gap="sm">
        {cautions.length > 0 && (
          <Checkbox.Group
            label="Acknowledge each caution"
            description="You have reviewed it and accept it for this treatment."
            value={acknowledgedNow}
            onChange={(ids) => onSigning((s) => ({ ...s, acknowledgedRuleIds: ids }))}
            size="xs"
          >
            <Stack gap={6} mt={6}>
              {cautions.map((id) => (
                <Checkbox
                  key={id}
                  value={id}
                  size="sm"
                  data-rule={id}
                  label={
                    <Text size="sm" component="span">
                      {messagesFor(id).join(' ')}
                    </Text>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {contraindicated && (
          <Textarea
            id="screening-override-reason"
            label="Reason for overriding the contraindication"
            description="Signing a contraindicated screening records a prescriber’s override. Say why treatment goes ahead."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            value={overrideReason}
            onChange={(e) => {
              const overrideReason = e.currentTarget.value;
              onSigning((s) => ({ ...s, overrideReason }));
            }}
            withAsterisk
          />
        )}
        {isAmendment && (
          <Textarea
            id="screening-amendment-reason"
            label="Reason for the amendment"
            description="What this screening corrects in the earlier one."
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            value={amendmentReason}
            onChange={(e) => {
              const amendmentReason = e.currentTarget.value;
              onSigning((s) => ({ ...s, amendmentReason }));
            }}
            withAsterisk
          />
        )}
        {problems.length > 0 && (
          <div role="status" aria-live="polite" data-testid="sign-problems">
            <Text size="sm" fw={700} id="screening-sign-problems">
              Why you can’t sign yet
            </Text>
            <List size="sm" spacing={2} mt={2}>
              {problems.map((p) => (
                <List.Item key={p.field} data-field={p.field}>
                  {p.field === 'answers' ? (
                    <>
                      {result.missing.length} required {result.missing.length === 1 ? 'answer is' : 'answers are'} missing ({missingWhy(result.missing)}).{' '}
                      <Anchor component="button" type="button" size="sm" onClick={onJumpToMissing}>
                        Go to the first
                      </Anchor>
                    </>
                  ) : p.field === 'signer' ? (
                    `${p.message}. You are working as ${CLINICIAN_ROLE_LABELS[clinician.role].toLowerCase()}; a prescriber must sign.`
                  ) : (
                    `${p.message}.`
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {serverError && (
          <Alert color="red" variant="light" title="Not signed" role="alert" data-testid="sign-error">
            <Text size="sm">{serverError.message}</Text>
          </Alert>
        )}
        <div>
          <Button
            fullWidth
            color={contraindicated ? 'red.8' : undefined}
            disabled={problems.length > 0}
            loading={busy}
            onClick={() => void sign()}
            aria-describedby={problems.length > 0 ? 'screening-sign-problems' : undefined}
          >
            {contraindicated ? 'Sign with override' : 'Sign screening'}
          </Button>
          <Text size="xs" c="dimmed" mt={4} data-testid="sign-as">
            Signing as {clinician.name}
            {clinician.credentials ? `, ${clinician.credentials}` : ''} ({CLINICIAN_ROLE_LABELS[clinician.role]}).
            {validityDays !== null &&
              ` Valid for ${validityDays} ${validityDays === 1 ? 'day' : 'days'} once signed (clinic setting, default 30 days).`}
          </Text>
        </div>
      </Stack>
      {signatureDialog}
    </Paper>
  );
}
