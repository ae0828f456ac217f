export * from './snapshot'
export * from './finding'
