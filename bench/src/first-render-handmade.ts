// Benchmark 1 (fair baseline): the dashboard written by hand with the plain DOM API, from the
// adapter's JSON answers, with cached Intl formatters, shadow roots and adopted sheets.
import { css, parseAnswers } from './host/answers.js';
import { domBuilder } from './host/dom.js';
import { dashboard } from './host/view.js';
import { exposeDom, layOut, modulesEvaluated, report } from './common.js';

await modulesEvaluated();
const start = performance.now();
const element = dashboard(domBuilder, parseAnswers(), css, Date.now());
document.body.append(element);
layOut();
report('first-render', start);
exposeDom(element);
