export * from './shared/principal';
export * from './shared/domain-error';
