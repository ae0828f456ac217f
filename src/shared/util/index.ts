export * from './access'
export * from './dates'
export * from './der'
export * from './hash'
