export * from './platform';
export * from './enterprises';
export * from './calendar';
export * from './procedures';
export * from './statistics';
export * from './support';
export * from './cases';
export * from './dossiers';
