// Benchmark 1 (baseline): the same DOM built with the plain DOM API.
import tree from '../out/snapshot.json';
import { layOut, report } from './common.js';
import { build, type SnapshotNode } from './vanilla.js';

const start = performance.now();
document.body.append(build(tree as SnapshotNode));
layOut();
report('first-render', start);
