import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { routeFromHash, routeToHash, type Route } from './route-hash';

export type { ChartTab, Route } from './route-hash';

interface Navigation {
  route: Route;
  /** Goes to a route and puts it in the address; `replace` when the step should not be a Back stop. */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** The patient search text, kept while a chart is open so "back" returns to the same list. */
  patientQuery: string;
  setPatientQuery: (query: string) => void;
  /** Bumped when a shortcut asks for the search box; the list screen focuses it. */
  searchFocusRequest: number;
  requestSearchFocus: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  // The address is the truth: a reload starts where it was (browser mode's "#token=…" was already taken by the bridge).
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  const [patientQuery, setPatientQuery] = useState('');
  const [searchFocusRequest, setSearchFocusRequest] = useState(0);

  useEffect(() => {
    const hash = routeToHash(routeFromHash(window.location.hash));
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
    // Back, Forward and an address typed by hand.
    const follow = () => {
      const next = routeFromHash(window.location.hash);
      setRoute((was) => (routeToHash(was) === routeToHash(next) ? was : next));
    };
    // An address changed between the first render and now (before the listeners below) is followed too.
    follow();
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = routeToHash(next);
    if (hash !== window.location.hash) {
      if (options?.replace) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    }
    setRoute(next);
    if (!options?.replace) window.scrollTo(0, 0);
  }, []);

  const requestSearchFocus = useCallback(() => {
    if (routeFromHash(window.location.hash).name !== 'patients') navigate({ name: 'patients' });
    setSearchFocusRequest((n) => n + 1);
  }, [navigate]);

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
