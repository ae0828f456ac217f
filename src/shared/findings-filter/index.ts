/** Pure filtering, grouping and search over findings; see findings-filter.ts. */
export * from './findings-filter'
