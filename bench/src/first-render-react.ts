// Benchmark 1 (React 19): the same hand-written dashboard as a React app (react-dom/client), from
// the same JSON answers. React needs a container (display: contents) and shadow roots through refs
// and portals; rendered synchronously (flushSync) so the measurement ends with the DOM complete.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { css, parseAnswers } from './host/answers.js';
import { reactBuilder } from './host/react.js';
import { dashboard } from './host/view.js';
import { exposeDom, layOut, modulesEvaluated, report } from './common.js';

await modulesEvaluated();
const start = performance.now();
const container = document.createElement('div');
container.style.display = 'contents';
document.body.append(container);
const root = createRoot(container);
flushSync(() => root.render(dashboard(reactBuilder, parseAnswers(), css, Date.now())));
layOut();
report('first-render', start);
exposeDom(container.firstElementChild!);
