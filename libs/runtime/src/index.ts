export * from './config/app-config';
export * from './config/resolution-settings-of';
export * from './stores/open-stores';
export * from './stores/with-configured-stores';
export * from './reports/governed-keys';
export * from './reports/key-state-tallies';
export * from './reports/revocation-entries';
export * from './reports/org-key-policy-of';
