// Treatment courses: indication, phase, the plan's schedule rules and the
// prescriber's dose order. Pure: the chart, the start form and the store
// compute the same plan status.

export * from './reference';
export * from './settings';
export * from './schemas';
export * from './days';
export * from './plan';
export * from './dose-order';
