import { useCallback, useEffect, useState } from 'react';
import type { FontStatus } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';
import type { Startup } from '../../platform/startup';

/**
 * The PC's standard-font status from the Node side (`fonts:status`). Asked once when mounted,
 * unless the window's start-up already has the answer (`startup`: taken from there, and
 * `late` says it came after the first paint); `refresh` asks again (before an export, after
 * the user installed a font).
 */
export function useFontStatus(startup?: Startup): { status: FontStatus | null; late: boolean; refresh: () => Promise<FontStatus | null> } {
  const { api } = usePlatform();
  const inTime = startup?.fontStatus;
  const [status, setStatus] = useState<FontStatus | null>(inTime ?? null);
  const [late, setLate] = useState(false);
  const refresh = useCallback(async () => {
    const result = await api['fonts:status'](undefined);
    const value = result.ok ? result.value : null;
    setStatus(value);
    return value;
  }, [api]);
  useEffect(() => {
    if (inTime !== undefined) return;
    let live = true;
    const pending = startup?.fontStatusLater;
    if (!pending) {
      void refresh();
      return;
    }
    void pending.then((value) => {
      if (!live) return;
      setStatus(value);
      setLate(true);
    });
    return () => {
      live = false;
    };
  }, [refresh, inTime, startup?.fontStatusLater]);
  return { status, late, refresh };
}
