export { absorbingFinding } from './carry'
