/** `npm run demo:build`: regenerates resources/demo/demo.snapshot.json.gz from the emulator. */
import path from 'node:path'
import { writeSnapshotFile } from '../src/node/snapshot-file'
import { buildDemoSnapshot } from './demo-snapshot'

const out = path.resolve('resources/demo/demo.snapshot.json.gz')
const snapshot = await buildDemoSnapshot()
await writeSnapshotFile(out, snapshot)
console.log(
  `wrote ${out}: ${snapshot.entra?.users?.length ?? 0} Entra users, ${snapshot.okta?.users?.length ?? 0} Okta users, complete=${snapshot.collection.complete}`,
)
