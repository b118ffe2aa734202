import { useCallback, useEffect, useState } from 'react';
import type { FontStatus } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';

/**
 * The PC's standard-font status from the Node side (`fonts:status`). Asked once when mounted;
 * `refresh` asks again (before an export, after the user installed a font).
 */
export function useFontStatus(): { status: FontStatus | null; refresh: () => Promise<FontStatus | null> } {
  const { api } = usePlatform();
  const [status, setStatus] = useState<FontStatus | null>(null);
  const refresh = useCallback(async () => {
    const result = await api['fonts:status'](undefined);
    const value = result.ok ? result.value : null;
    setStatus(value);
    return value;
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { status, refresh };
}
