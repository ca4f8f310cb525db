// Outcome measures and suicide-risk screening (PHQ-9, GAD-7, ASQ): the
// instruments as data, their scoring and the `score` file format. Pure: no
// Node, DOM or Electron, so every process can use it.

export * from './instruments';
export * from './scoring';
export * from './schemas';
export * from './trend';
export * from './trend-words';
