export * from './commitments.module';
