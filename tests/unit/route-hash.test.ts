import { describe, expect, it } from 'vitest';
import { routeFromHash, routeToHash, type Route } from '../../renderer/src/app/route-hash';

const P = '0b6f4a52-3a43-4c4e-9f0e-6f4a1b2c3d4e';
const S = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('the screen in the address', () => {
  it('round-trips every route, a chart tab and a session included', () => {
    const routes: Route[] = [
      { name: 'today' }, { name: 'patients' }, { name: 'patient-new' }, { name: 'settings' },
      { name: 'patient', id: P, tab: 'record' }, { name: 'patient', id: P, tab: 'printouts' },
      { name: 'patient', id: P, tab: 'sessions', sessionId: S },
    ];
    for (const route of routes) expect(routeFromHash(routeToHash(route))).toEqual(route);
    expect(routeToHash({ name: 'patient', id: P, tab: 'sessions', sessionId: S })).toBe(`#/patient/${P}/sessions/${S}`);
  });

  it('reads no address, browser mode\'s token or an unknown address as today\'s board, the first screen', () => {
    expect(routeFromHash('')).toEqual({ name: 'today' });
    expect(routeFromHash('#token=abc123')).toEqual({ name: 'today' });
    expect(routeFromHash('#/patient/not-an-id/record')).toEqual({ name: 'today' });
    expect(routeFromHash('#/patients')).toEqual({ name: 'patients' });
    expect(routeFromHash(`#/patient/${P}/nonsense`)).toEqual({ name: 'patient', id: P });
    expect(routeFromHash(`#/patient/${P}/record/${S}`)).toEqual({ name: 'patient', id: P, tab: 'record' });
  });
});
