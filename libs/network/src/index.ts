export * from './cidr';
export * from './outbound-address';
