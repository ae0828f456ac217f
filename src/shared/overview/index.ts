/** Pure builders behind the Overview screen: health summary, key facts, seam map. */
export * from './summary'
export * from './key-facts'
export * from './seam-links'
export * from './seam-map'
