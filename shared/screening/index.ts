// Pre-treatment screening: checklist, rules, case format, engine and drug-class
// suggestions. Pure: no Node, DOM or Electron, so every process can use it.

export * from './items';
export * from './rules';
export * from './case-schema';
export * from './engine';
export * from './drug-classes';
