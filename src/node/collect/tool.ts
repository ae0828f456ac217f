/** The tool stamp written into every snapshot (`tool.name`, `tool.version`). */
import pkg from '../../../package.json'

export const TOOL_NAME = 'crosswalk'
export const TOOL_VERSION: string = pkg.version
