import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { fail } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../services/api';
import { isAppUrl } from './security';

/**
 * Registers one invoke handler per channel of the contract. Every message passes the same
 * gate: the sender must be our own page in the main frame, then `dispatch` validates the
 * payload with zod and returns a Result.
 */
export function registerIpc(handlers: Handlers, appUrl: () => string): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url, appUrl())) {
        return fail('forbidden', 'errors.forbidden');
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
