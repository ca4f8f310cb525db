import { deferred } from '../components/deferred';
import { TodayBoardScreen } from '../board/TodayBoardScreen';
import { PatientListScreen } from '../screens/PatientListScreen';
import { useNavigation } from './navigation';

// Today's board is the first screen after the gate, and the patient list one
// click away, so both are in the main chunk; the others (and their charts and
// printouts) load as separate chunks when first opened.
const PatientChartScreen = deferred(() => import('../screens/PatientChartScreen').then((m) => m.PatientChartScreen), 'Loading the chart');
const NewPatientScreen = deferred(() => import('../screens/NewPatientScreen').then((m) => m.NewPatientScreen), 'Loading');
const SettingsScreen = deferred(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen), 'Loading settings');
const RemsFormsScreen = deferred(() => import('../rems/RemsFormsScreen').then((m) => m.RemsFormsScreen), 'Loading REMS forms');
const CliniciansScreen = deferred(() => import('../clinicians/CliniciansScreen').then((m) => m.CliniciansScreen), 'Loading clinicians');

/** The screen for the current route. A new feature adds its route here. */
export function Screens() {
  const { route } = useNavigation();
  switch (route.name) {
    case 'today':
      return <TodayBoardScreen />;
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
    case 'rems-forms':
      return <RemsFormsScreen />;
  }
}
