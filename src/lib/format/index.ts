export * from './numbers';
export * from './markers';
export * from './periods';
export * from './status';
export * from './provenance';
