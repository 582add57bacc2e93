export * from './test-database';
export * from './decider-spec';
export * from './service-process';
export * from './embedded-pg-process';
