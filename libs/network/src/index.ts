export * from './cidr';
export * from './outbound-address';
export * from './cidr-words';
export * from './cidr-set';
