// Session monitoring: schemas, clinic settings, dose arithmetic, pre-dose
// checks, alerts, schedule, discharge readiness and the printable record.
// Pure: no Node, DOM or Electron, so the screens compute exactly what the store does.

export * from './reference';
export * from './settings';
export * from './time';
export * from './schemas';
export * from './dose';
export * from './timeline';
export * from './alerts';
export * from './recovery';
export * from './pre-dose';
export * from './schedule';
export * from './discharge';
export * from './record';
export * from './entry-words';
