/**
 * Run `task` when the browser is idle (requestIdleCallback), at the latest after `timeout`
 * ms; where there is no idle callback (happy-dom, old engines), on a short timer. Returns a
 * cancel function. The one place the renderer defers work out of a keystroke.
 */
type IdleScope = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

export function whenIdle(task: () => void, timeout: number): () => void {
  const scope = globalThis as IdleScope;
  if (scope.requestIdleCallback) {
    const id = scope.requestIdleCallback(task, { timeout });
    return () => scope.cancelIdleCallback?.(id);
  }
  const id = setTimeout(task, Math.min(50, timeout));
  return () => clearTimeout(id);
}
