// FHIR R4 export of the clinic's records: pure mapping, no storage, no Node.
export * from './bundle';
export * from './records';
export { fullUrl, type Resource } from './resource';
export { medicationOf } from './resources-session';
export { uuidV5 } from './uuid';
