/**
 * What the window needs before its first paint: the start-up notices and the PC's font status.
 * Waiting for them (briefly) lays the bars out with the rest of the page; a bar that appeared a
 * moment later would push 新建报告 and the rest down under the user's click.
 */
import { createContext, useContext } from 'react';
import type { FontStatus, GongwenApi, Notice } from '../../shared/ipc/contract';

/** Longest the first paint waits for the font status (fc-list / reg query on an old, busy PC). */
export const STARTUP_WAIT_MS = 1_000;

export interface Startup {
  /** The answers that came in time; `undefined` = not (yet) known. */
  fontStatus?: FontStatus | null;
  notices?: Notice[];
  /** The font status as it comes, in time or not (null: the PC's fonts could not be read). */
  fontStatusLater?: Promise<FontStatus | null>;
}

export const StartupContext = createContext<Startup>({});

export function useStartup(): Startup {
  return useContext(StartupContext);
}

const TIMED_OUT = Symbol('timed out');

export async function fetchStartup(api: GongwenApi, waitMs: number = STARTUP_WAIT_MS): Promise<Startup> {
  const fontStatusLater = api['fonts:status'](undefined).then(
    (result) => (result.ok ? result.value : null),
    () => null,
  );
  const notices = api['app:notices'](undefined).then(
    (result) => (result.ok ? result.value : []),
    () => [] as Notice[],
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), waitMs)));
  const [fontStatus, noticeList] = await Promise.all([Promise.race([fontStatusLater, deadline]), Promise.race([notices, deadline])]);
  clearTimeout(timer);
  return {
    fontStatusLater,
    ...(fontStatus === TIMED_OUT ? {} : { fontStatus }),
    ...(noticeList === TIMED_OUT ? {} : { notices: noticeList }),
  };
}
