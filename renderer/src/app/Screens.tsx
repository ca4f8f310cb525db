import { CliniciansScreen } from '../clinicians/CliniciansScreen';
import { PatientChartScreen } from '../screens/PatientChartScreen';
import { NewPatientScreen } from '../screens/NewPatientScreen';
import { PatientListScreen } from '../screens/PatientListScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useNavigation } from './navigation';

/** The screen for the current route. A new feature adds its route here. */
export function Screens() {
  const { route } = useNavigation();
  switch (route.name) {
    case 'patients':
      return <PatientListScreen />;
    case 'patient-new':
      return <NewPatientScreen />;
    case 'patient':
      return <PatientChartScreen key={route.id} patientId={route.id} {...(route.tab ? { tab: route.tab } : {})} />;
    case 'settings':
      return <SettingsScreen />;
    case 'clinicians':
      return <CliniciansScreen />;
  }
}
