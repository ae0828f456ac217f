export * from './snapshot'
export * from './finding'
export * from './workspace'
