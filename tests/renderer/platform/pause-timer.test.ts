/**
 * The trailing timer behind every "once typing pauses" (page re-cut, 字数, body sync): the task
 * runs the pause after the last poke, a poke on every key arms no new browser timer, a shorter
 * wait than the armed one is kept, cancel stops it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPauseTimer } from '../../../renderer/platform/pause-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createPauseTimer', () => {
  it('runs the task once, the pause after the last of many pokes, with one or two browser timers', async () => {
    const task = vi.fn();
    const timer = createPauseTimer(task, 400);
    const armed = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 20; i++) {
      timer.poke();
      expect(timer.pending).toBe(true);
      await vi.advanceTimersByTimeAsync(120);
    }
    // 20 keys, 120 ms apart: the first timer, and the one it armed for the rest of the last pause.
    expect(armed.mock.calls.length).toBeLessThanOrEqual(2 + 20 * 120 / 400);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400 - 120 - 1);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    expect(timer.pending).toBe(false);
  });

  it('a poke with a shorter wait than the one armed runs the task at the shorter one', async () => {
    const task = vi.fn();
    const timer = createPauseTimer(task, 200);
    timer.poke();
    await vi.advanceTimersByTimeAsync(50);
    timer.poke(20);
    await vi.advanceTimersByTimeAsync(20);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('cancel stops a waiting task; a later poke starts again', async () => {
    const task = vi.fn();
    const timer = createPauseTimer(task, 100);
    timer.poke();
    timer.cancel();
    expect(timer.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
    timer.poke();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
