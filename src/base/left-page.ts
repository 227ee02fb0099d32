/**
 * What counts as leaving the page. A framework that reorders or re-parents an element takes it out
 * and puts it back within one task: that move is not leaving, and the element keeps what it holds
 * (its store, a search being typed). `action` runs only if `node` is still off the page a
 * microtask after it was taken out.
 */
export function whenStillOffPage(node: Node, action: () => void): void {
  queueMicrotask(() => {
    if (!node.isConnected) action();
  });
}
