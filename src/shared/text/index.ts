export * from './csv'
export * from './terminal'
