export * from './csv'
export * from './terminal'
export * from './bound'
