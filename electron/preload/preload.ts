/**
 * The sandboxed preload: exposes exactly the contract's channels (one function each) and
 * the two event streams, nothing else. Payloads are validated again in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from '../../shared/ipc/channel-names';

const invoke = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as Record<ChannelName, (input: unknown) => Promise<unknown>>;

function on(event: EventName, callback: (value: string) => void): () => void {
  if (!EVENT_NAMES.includes(event) || typeof callback !== 'function') throw new TypeError('unknown event');
  const listener = (_e: IpcRendererEvent, value: unknown) => {
    if (typeof value === 'string') callback(value);
  };
  ipcRenderer.on(event, listener);
  return () => ipcRenderer.removeListener(event, listener);
}

contextBridge.exposeInMainWorld('gongwen', Object.freeze({ invoke: Object.freeze(invoke), on }));
