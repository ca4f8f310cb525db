// The screen in the address: "#/today" (today's board, the first screen), "#/patients", "#/patients/new", "#/settings", "#/clinicians",
// "#/patient/<id>/<tab>" and "#/patient/<id>/sessions/<session id>". Reload,
// Back and Forward then return to the same place. Pure, so it is unit-tested.

export const CHART_TABS = ['record', 'screening', 'course', 'sessions', 'questionnaires', 'progress', 'printouts', 'history'] as const;
export type ChartTab = (typeof CHART_TABS)[number];

/** Every place the app can show. */
export type Route =
  | { name: 'today' }
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: string; tab?: ChartTab; sessionId?: string }
  | { name: 'settings' }
  | { name: 'clinicians' }
  | { name: 'rems-forms' };

const ID = /^[0-9a-f-]{36}$/i;
const isTab = (t: string | undefined): t is ChartTab => (CHART_TABS as readonly string[]).includes(t ?? '');

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'today':
      return '#/today';
    case 'patients':
      return '#/patients';
    case 'patient-new':
      return '#/patients/new';
    case 'settings':
      return '#/settings';
    case 'clinicians':
      return '#/clinicians';
    case 'rems-forms':
      return '#/rems-forms';
    case 'patient': {
      const tab = route.tab ?? 'record';
      return `#/patient/${route.id}/${tab}${tab === 'sessions' && route.sessionId ? `/${route.sessionId}` : ''}`;
    }
  }
}

/** The route an address names; anything unknown (or none, as after the browser-mode token) is today's board. */
export function routeFromHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head, id, tab, sessionId] = parts;
  if (head === 'patients' && id === undefined) return { name: 'patients' };
  if (head === 'settings') return { name: 'settings' };
  if (head === 'clinicians') return { name: 'clinicians' };
  if (head === 'rems-forms') return { name: 'rems-forms' };
  if (head === 'patients' && id === 'new') return { name: 'patient-new' };
  if (head === 'patient' && id && ID.test(id)) {
    if (!isTab(tab)) return { name: 'patient', id };
    return tab === 'sessions' && sessionId && ID.test(sessionId) ? { name: 'patient', id, tab, sessionId } : { name: 'patient', id, tab };
  }
  return { name: 'today' };
}
