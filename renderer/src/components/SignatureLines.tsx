import { List, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { signatureLine } from '../../../shared/auth/meanings';
import type { Signature } from '../../../shared/auth/status';

/** "25 Nov 2026 09:12", as the printed record writes a signature's moment. */
const signedAt = (iso: string) => dayjs(iso).format('D MMM YYYY HH:mm');

/** The electronic signatures stored with a record, one line each, in the words they were signed with. */
export function SignatureLines({ signatures, title = 'Electronic signatures' }: { signatures: readonly Signature[]; title?: string }) {
  if (signatures.length === 0) return null;
  return (
    <div data-testid="signature-lines">
      <Text size="sm" fw={700}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {signatures.map((s) => (
          <List.Item key={s.id} data-testid="signature-line">
            {signatureLine(s, signedAt)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
