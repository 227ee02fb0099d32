// Benchmark 1, first use apart (fair baseline): the hand-written dashboard built a second time in a
// page that has already built one and removed it (see first-render-warm.ts).
import { css, parseAnswers } from './host/answers.js';
import { domBuilder } from './host/dom.js';
import { dashboard } from './host/view.js';
import { layOut, modulesEvaluated, report, warmedUp } from './common.js';

await modulesEvaluated();
const first = dashboard(domBuilder, parseAnswers(), css, Date.now());
document.body.append(first);
layOut();
await warmedUp(() => first.remove());
const start = performance.now();
const element = dashboard(domBuilder, parseAnswers(), css, Date.now());
document.body.append(element);
layOut();
report('first-render', start);
