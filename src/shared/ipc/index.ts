export * from './channels'
export * from './contract'
export * from './connections'
export * from './collect'
