export * from './lib/enums';
export * from './lib/dates';
export * from './lib/skill-levels';
export * from './lib/contracts';
export * from './lib/analytics';
export * from './lib/recommendations';
export * from './lib/workflows';
