// Benchmark 1 (baseline): the same DOM built with the plain DOM API.
import tree from '../out/snapshot.json';
import { exposeDom, layOut, modulesEvaluated, report } from './common.js';
import { build, type SnapshotNode } from './vanilla.js';

await modulesEvaluated();
const start = performance.now();
const element = build(tree as unknown as SnapshotNode);
document.body.append(element);
layOut();
report('first-render', start);
exposeDom(element);
