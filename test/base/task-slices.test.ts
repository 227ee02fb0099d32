import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { runInSlice, SLICE_MS } from '../../src/base/task-slices.js';
import { countTasks } from '../helpers/clock.js';

/** A task after everything queued so far (the slices' own tasks included). */
const afterTasks = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The page's own timer, kept before a test fakes the global one. */
const realSetTimeout = window.setTimeout.bind(window);

describe('runInSlice: the page’s first use of Intl', () => {
  it('is paid in tasks of its own, queued ahead of the first renders, and changes no formatter', async () => {
    // This file's first slice: the warm-up is queued once per page.
    const order: string[] = [];
    const dateFormat = sinon.spy(Intl, 'DateTimeFormat');
    const numberFormat = sinon.spy(Intl, 'NumberFormat');
    try {
      const render = runInSlice(
        () =>
          void order.push(dateFormat.called && numberFormat.called ? 'render, warmed up' : 'render, cold'),
        { defer: true },
      );
      expect(dateFormat.called, 'nothing in the scheduling task').to.equal(false);
      expect(numberFormat.called).to.equal(false);
      await render;
      expect(numberFormat.calledBefore(dateFormat)).to.equal(true);
      expect(dateFormat.firstCall.args[1]).to.deep.equal({ timeZone: 'UTC' });
      expect(order).to.deep.equal(['render, warmed up']);
    } finally {
      dateFormat.restore();
      numberFormat.restore();
    }
  });
});

describe('runInSlice', () => {
  let now = 0;
  let clock: sinon.SinonStub;
  /** The animation frame's time (`document.timeline.currentTime`), moved by the test only. */
  let frame = 0;
  let visibility: DocumentVisibilityState = 'visible';
  beforeEach(async () => {
    // Start in a fresh task, on a clock only the test moves.
    await afterTasks();
    await afterTasks();
    now = 1000;
    frame += 100;
    visibility = 'visible';
    clock = sinon.stub(performance, 'now').callsFake(() => now);
    Object.defineProperty(document.timeline, 'currentTime', { configurable: true, get: () => frame });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    clock.restore();
    // The own properties go: the prototypes' getters show through again.
    delete (document.timeline as { currentTime?: unknown }).currentTime;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('runs a render at once while the task has room, then the rest in later tasks, in order', async () => {
    const ran: string[] = [];
    const render = (name: string, ms: number) => () => {
      ran.push(name);
      now += ms;
    };
    expect(runInSlice(render('a', 5))).to.equal(undefined);
    expect(runInSlice(render('b', SLICE_MS))).to.equal(undefined);
    expect(ran).to.deep.equal(['a', 'b']);
    // The slice is spent: what comes now waits, and waits behind what waits already.
    const c = runInSlice(render('c', 30));
    const d = runInSlice(render('d', 1));
    const e = runInSlice(render('e', 1));
    expect(c).to.be.an.instanceOf(Promise);
    expect(ran).to.deep.equal(['a', 'b']);
    await c;
    // `c` took a whole slice by itself (one render always runs); `d` and `e` share the next.
    expect(ran).to.deep.equal(['a', 'b', 'c']);
    await Promise.all([d, e]);
    expect(ran).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
  });

  it('runs the one render of a new frame at once, however long the last slice was', async () => {
    const ran: string[] = [];
    runInSlice(() => {
      ran.push('long');
      now += 500;
    });
    await afterTasks();
    frame += 16;
    const next = runInSlice(() => void ran.push('next'));
    expect(next === undefined, 'runs at once').to.equal(true);
    expect(ran).to.deep.equal(['long', 'next']);
  });

  it('shares a frame’s slice among the frame’s tasks: a render in a later task of a spent slice waits', async () => {
    const ran: string[] = [];
    runInSlice(() => {
      ran.push('long');
      now += 500;
    });
    // No timer marks the end of a slice on a visible page: a later task of the same frame finds it.
    await afterTasks();
    const next = runInSlice(() => void ran.push('next'));
    expect(next instanceof Promise, 'waits').to.equal(true);
    expect(ran).to.deep.equal(['long']);
    await next;
    expect(ran).to.deep.equal(['long', 'next']);
    // Ran in a task of its own, which opened a slice with room for what comes next in that frame.
    expect(runInSlice(() => void ran.push('then')) === undefined).to.equal(true);
  });

  it('counts the renders’ own time, not the time between them: a later task of the frame renders while they took less than the slice', async () => {
    const ran: string[] = [];
    runInSlice(() => {
      ran.push('a');
      now += 5;
    });
    // The host page's own work, between the frame's tasks.
    now += 50;
    await afterTasks();
    const next = runInSlice(() => void ran.push('b'));
    expect(next === undefined, 'runs at once').to.equal(true);
    expect(ran).to.deep.equal(['a', 'b']);
  });

  it('ends a slice with its task on a hidden page (no frames come), also when the page’s timers are faked', async () => {
    visibility = 'hidden';
    const ran: string[] = [];
    const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let next: unknown;
    try {
      runInSlice(() => {
        ran.push('long');
        now += 500;
      });
      // A task after those queued so far, on a timer the fake does not hold: the slice ended with its task.
      await new Promise((resolve) => realSetTimeout(resolve, 0));
      next = runInSlice(() => void ran.push('next'));
    } finally {
      timers.restore();
      clock.restore();
    }
    expect(next === undefined, 'runs at once').to.equal(true);
    expect(ran).to.deep.equal(['long', 'next']);
  });

  it('ends a visible page’s slice when the page is hidden', () => {
    const ran: string[] = [];
    runInSlice(() => {
      ran.push('long');
      now += 500;
    });
    visibility = 'hidden';
    expect(runInSlice(() => void ran.push('next')) === undefined, 'runs at once').to.equal(true);
    expect(ran).to.deep.equal(['long', 'next']);
  });

  it('runs what goes ahead before the renders that wait: at once while the slice has room, else first in a later task', async () => {
    const ran: string[] = [];
    const tasks = countTasks(50);
    const render = (name: string, ms: number) => () => {
      ran.push(`${name}@${tasks.current}`);
      now += ms;
    };
    let ranAtOnce = false;
    try {
      runInSlice(render('a', 1));
      const waiting = runInSlice(render('w', 1), { defer: true });
      ranAtOnce = runInSlice(render('x', SLICE_MS), { ahead: true }) === undefined;
      const y = runInSlice(render('y', SLICE_MS), { ahead: true });
      const z = runInSlice(render('z', 1), { ahead: true });
      await Promise.all([waiting, y, z]);
    } finally {
      tasks.stop();
      // Before any assertion: a failure is reported with the page's real clock.
      clock.restore();
    }
    expect(ranAtOnce, 'the slice has room').to.equal(true);
    expect(ran.map((r) => r.split('@')[0])).to.deep.equal(['a', 'x', 'y', 'z', 'w']);
    const taskOf = (name: string) => Number(ran.find((r) => r.startsWith(`${name}@`))!.split('@')[1]);
    expect(taskOf('x')).to.equal(taskOf('a'));
    // Each of them first in a task of its own, the renders after them.
    expect(taskOf('y')).to.be.greaterThan(taskOf('x'));
    expect(taskOf('z')).to.be.greaterThan(taskOf('y'));
    expect(taskOf('w')).to.be.greaterThan(taskOf('z'));
  });

  it('counts a slice’s time spent in its own task: a render asked for later in that task waits', async () => {
    const ran: string[] = [];
    let asked: unknown;
    const long = runInSlice(
      () => {
        ran.push('long');
        now += 30;
        // Later in the slice's task (a card's update is a microtask): the slice is spent.
        queueMicrotask(() => (asked = runInSlice(() => void ran.push('asked'), { ahead: true })));
      },
      { defer: true },
    );
    const after = runInSlice(() => void ran.push('after'), { defer: true });
    await long;
    expect(asked instanceof Promise, 'waits').to.equal(true);
    await Promise.all([asked, after]);
    expect(ran).to.deep.equal(['long', 'asked', 'after']);
  });

  it('queues a later slice as a user-blocking task where the browser schedules tasks by priority', async function () {
    // Ahead of the browser's frames (input still goes first): the half-made dashboard is not styled,
    // laid out and painted between two slices.
    const scheduler = (globalThis as { scheduler?: { postTask?: (...args: unknown[]) => unknown } })
      .scheduler;
    if (typeof scheduler?.postTask !== 'function') return this.skip();
    const postTask = sinon.spy(scheduler, 'postTask');
    try {
      runInSlice(() => void (now += SLICE_MS));
      await runInSlice(() => {}, { defer: true });
    } finally {
      postTask.restore();
    }
    expect(postTask.calledWith(sinon.match.func, { priority: 'user-blocking' })).to.equal(true);
  });

  it('defers on request (a first render whose data is on its way) and passes errors on', async () => {
    let ran = false;
    const deferred = runInSlice(() => void (ran = true), { defer: true });
    expect(ran).to.equal(false);
    await deferred;
    expect(ran).to.equal(true);
    // A render that spends the slice: the failing one waits, and its error comes through the promise.
    runInSlice(() => void (now += 100));
    const failing = runInSlice(() => {
      throw new Error('render failed');
    });
    let caught: unknown;
    try {
      await failing;
    } catch (error) {
      caught = error;
    }
    expect(String(caught)).to.contain('render failed');
  });
});
