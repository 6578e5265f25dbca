export * from './actions/action-state-machine';
export * from './actions/action-states';
export * from './actions/actions.module';
export * from './commitments';
export * from './tracking.module';
