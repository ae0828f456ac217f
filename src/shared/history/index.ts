export * from './retention'
export * from './trend'
