// Pre-treatment screening: checklist, rules, case format and engine. Pure: no
// Node, DOM or Electron, so every process can use it.

export * from './items';
export * from './rules';
export * from './case-schema';
export * from './engine';
