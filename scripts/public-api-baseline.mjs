// `node scripts/public-api-baseline.mjs`: rewrites test/package/public-api.baseline.json, the public
// names test/package/public-api.test.ts guards, from the current sources. Run it only when cutting a
// release, and review the diff: a name that leaves the baseline is a breaking change (CONTRIBUTING.md).
import { writeFileSync } from 'node:fs';
import { analyzeManifest, publicApi } from './public-api.mjs';

const baseline = 'test/package/public-api.baseline.json';
const manifest = analyzeManifest('node_modules/.cache/od-manifest-baseline');
writeFileSync(baseline, `${JSON.stringify(publicApi(manifest), null, 2)}\n`);
console.log(`${baseline} rewritten from the current sources: review its diff before committing.`);
