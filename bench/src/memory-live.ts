// Benchmark 5, second part: one dashboard left open while live events arrive, on the REST adapter
// with each event a server's bytes on its stream (bench/src/wire.ts). The Node side sends them in
// batches (`benchSend(n)`) and reads the heap after forced garbage collection between batches.
import '../../src/define.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import { benchDataset, EN_US_UTC, mountDashboard, nextTask, settled, updateRound } from './common.js';
import { eventBytes, restOverWire, Wire } from './wire.js';

const wire = new Wire();
const server = restOverWire(benchDataset(), wire);
const dashboard = mountDashboard(createRestAdapter({ baseUrl: '/api', fetch: server.fetch }), EN_US_UTC);
await settled(dashboard);
await server.opened;

let round = 0;

/** Sends `count` live events, three new activities to one workspaces snapshot, and lets them land. */
async function benchSend(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    round += 1;
    wire.send(
      eventBytes(
        round % 4 === 0
          ? { topic: 'workspaces', data: updateRound.workspaces(round) }
          : { topic: 'activity', data: updateRound.activity(round) },
      ),
    );
    // Several events per frame, as a busy stream brings them; the cards render once a frame.
    await nextTask();
    if (i % 20 === 19) await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  await settled(dashboard);
}

Object.assign(window, { benchSend, benchReady: true });
