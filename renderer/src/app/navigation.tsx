import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Every place the app can show. State-based: no URLs, no router library. */
export type Route =
  | { name: 'patients' }
  | { name: 'patient-new' }
  | { name: 'patient'; id: string }
  | { name: 'settings' }
  | { name: 'clinicians' };

interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  /** The patient search text, kept while a chart is open so "back" returns to the same list. */
  patientQuery: string;
  setPatientQuery: (query: string) => void;
  /** Bumped when a shortcut asks for the search box; the list screen focuses it. */
  searchFocusRequest: number;
  requestSearchFocus: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>({ name: 'patients' });
  const [patientQuery, setPatientQuery] = useState('');
  const [searchFocusRequest, setSearchFocusRequest] = useState(0);

  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  const requestSearchFocus = useCallback(() => {
    setRoute((r) => (r.name === 'patients' ? r : { name: 'patients' }));
    setSearchFocusRequest((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ route, navigate, patientQuery, setPatientQuery, searchFocusRequest, requestSearchFocus }),
    [route, navigate, patientQuery, searchFocusRequest, requestSearchFocus],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}
