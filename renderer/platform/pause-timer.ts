/**
 * "Once typing pauses": a trailing timer whose `poke()` (on every key) only moves the deadline.
 * Clearing and setting a browser timer on each key cost ~0.03 ms a call at 30 pages, and three
 * of the editor's parts did it on every key; here the one timer armed, when it fires before the
 * deadline, arms itself once for the rest. The deadline is kept in performance.now(): a test that
 * fakes the timers fakes that clock too (vitest does by default).
 */
export interface PauseTimer {
  /** (Re)starts the wait: the task runs `delay` ms (default: the pause) after the last poke. */
  poke(delay?: number): void;
  cancel(): void;
  /** Whether the task is waiting to run. */
  readonly pending: boolean;
}

export function createPauseTimer(task: () => void, pauseMs: number): PauseTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the task is due, and when the armed timer fires (performance.now()). */
  let due = 0;
  let firesAt = 0;
  let longest = pauseMs;
  const arm = (wait: number) => {
    firesAt = performance.now() + wait;
    timer = setTimeout(fire, wait);
  };
  function fire() {
    timer = undefined;
    const wait = due - performance.now();
    // A timer may fire a little early; a clock that jumped is never waited for longer than a pause.
    if (wait >= 1) return arm(Math.min(wait, longest));
    task();
  }
  return {
    poke(delay = pauseMs) {
      due = performance.now() + delay;
      longest = Math.max(pauseMs, delay);
      if (timer !== undefined && firesAt <= due) return;
      clearTimeout(timer);
      arm(delay);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
