import { notifications } from '@mantine/notifications';
import { useNavigation } from '../app/navigation';
import { ScreenHeader } from '../components/ScreenHeader';
import { PatientCreateForm } from '../forms/PatientCreateForm';

export function NewPatientScreen() {
  const { navigate } = useNavigation();
  return (
    <>
      <ScreenHeader crumbs={[{ label: 'Patients', route: { name: 'patients' } }, { label: 'New patient' }]} title="New patient" />
      <PatientCreateForm
        onCancel={() => navigate({ name: 'patients' })}
        onCreated={(p) => {
          notifications.show({ color: 'clinic', title: 'Patient saved', message: `${p.legalName} (MRN ${p.mrn}) was added.` });
          navigate({ name: 'patient', id: p.id });
        }}
      />
    </>
  );
}
