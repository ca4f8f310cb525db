import { DataList, Paper, Text } from '@mantine/core';
import type { Patient } from '../../../shared/schemas/patient';
import { useWorkspace } from '../app/workspace';
import { formatDateTime } from '../format/dates';

function Empty() {
  return (
    <Text span size="sm" c="dimmed">
      Not recorded
    </Text>
  );
}

/** The rest of the record: emergency contact, current medicines, notes and who created and last changed it. */
export function PatientRecordDetails({ patient: p }: { patient: Patient }) {
  const { clinicianName } = useWorkspace();
  const amended = p.version > 1;
  return (
    <Paper withBorder p="md">
      <DataList labelWidth={170} gap="xs" size="sm" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>Emergency contact</DataList.ItemLabel>
          <DataList.ItemValue data-testid="emergency-contact">
            {p.emergencyContactName || p.emergencyContactPhone ? (
              <>
                {p.emergencyContactName ?? 'Name not recorded'}
                {p.emergencyContactPhone && (
                  <Text span size="sm" ml={12}>
                    {p.emergencyContactPhone}
                  </Text>
                )}
              </>
            ) : (
              <Empty />
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Current medicines</DataList.ItemLabel>
          <DataList.ItemValue data-testid="patient-medicines">
            {p.medicines.length > 0 ? (
              p.medicines.map((m) => `${m.name}${m.dailyDoseMg !== undefined ? ` ${m.dailyDoseMg} mg/day` : ''}`).join(', ')
            ) : (
              <Empty />
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Notes</DataList.ItemLabel>
          <DataList.ItemValue data-testid="notes" style={{ whiteSpace: 'pre-wrap' }}>
            {p.notes ?? <Empty />}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Record created</DataList.ItemLabel>
          <DataList.ItemValue data-testid="created">
            {formatDateTime(p.createdAt)} by {clinicianName(p.createdBy)}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Last amended</DataList.ItemLabel>
          <DataList.ItemValue data-testid="updated">
            {amended ? `${formatDateTime(p.updatedAt)} by ${clinicianName(p.updatedBy)} (version ${p.version})` : <Text span size="sm" c="dimmed">Never</Text>}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Paper>
  );
}
