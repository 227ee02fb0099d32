/**
 * Screenshots compared in the browser, pixel for pixel, for tests that compare two renderings made
 * in the same run (no stored baseline, so Firefox can run them too).
 *
 * The runner's one screenshot command is the visual regression plugin's. Asked for a name without
 * a baseline, it saves the shot to test/visual/__failed__/ (git ignores it) and reports "no
 * baseline"; `shot` reads the file back through the file commands (paths relative to the test
 * file, so only for tests in test/visual/) and removes it.
 */
import { readFile, removeFile } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { deepElements } from '../theming/cards.js';

/** The plugin's copy of a shot: in __failed__, or in __baselines__ when updating baselines. */
const FOLDERS = ['__failed__', '__baselines__'];

/** The shot as saved, base64, and removes the file; undefined if there is none. */
async function takeFile(name: string): Promise<string | undefined> {
  for (const folder of FOLDERS) {
    const path = `${folder}/${name}.png`;
    // For a missing file the command returns nothing, which the runner reports as an unknown command.
    const png = await readFile({ path, encoding: 'base64' }).catch((error: Error) => {
      if (/Unknown command read-file/.test(error.message)) return undefined;
      throw error;
    });
    if (png === undefined) continue;
    await removeFile({ path });
    return png;
  }
  return undefined;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Where every box under `element` is, shadow trees included, and how many children it has. */
function layout(element: Element): string {
  const boxes = [element, ...deepElements(element)].map((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return `${el.localName} ${x} ${y} ${width} ${height} ${el.childNodes.length}`;
  });
  return boxes.join('\n');
}

/**
 * Resolves once the layout under `element` has stayed the same for 5 frames: an element can still
 * move after it is ready (the activity log's virtualized list places its rows over several frames).
 * Counted in frames, not time, so a slow machine only takes longer.
 */
async function laidOut(element: Element): Promise<void> {
  let last = '';
  for (let same = 0; same < 5;) {
    await frame();
    const now = layout(element);
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

/** A PNG of `element` as the browser draws it, through the visual regression plugin. */
export async function shot(element: Element, name: string): Promise<string> {
  // A copy left by an interrupted run must not pass for this one.
  while ((await takeFile(name)) !== undefined);
  await document.fonts.ready;
  await laidOut(element);
  await visualDiff(element, name).then(
    () => {
      // Only `--update-visual-baseline` passes a shot without a baseline: it went to __baselines__.
    },
    (error: Error) => {
      if (!/no baseline/.test(error.message)) throw error;
    },
  );
  const png = await takeFile(name);
  if (png === undefined) throw new Error(`the shot ${name} was not saved`);
  return png;
}

export async function pixels(png: string): Promise<ImageData> {
  const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** How two pictures differ, in a line a failure can print: size, or differing pixels and where. */
export async function difference(clean: string, hostile: string): Promise<string> {
  const [a, b] = await Promise.all([pixels(clean), pixels(hostile)]);
  if (a.width !== b.width || a.height !== b.height) {
    return `${a.width}x${a.height} clean, ${b.width}x${b.height} in the hostile host`;
  }
  let count = 0;
  let box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let i = 0; i < a.data.length; i += 4) {
    const same = [0, 1, 2, 3].every((c) => a.data[i + c] === b.data[i + c]);
    if (same) continue;
    count += 1;
    const x = (i / 4) % a.width;
    const y = Math.floor(i / 4 / a.width);
    box = {
      left: Math.min(box.left, x),
      top: Math.min(box.top, y),
      right: Math.max(box.right, x),
      bottom: Math.max(box.bottom, y),
    };
  }
  return count === 0
    ? 'identical'
    : `${count} pixels differ, in ${box.left},${box.top} to ${box.right},${box.bottom}`;
}
