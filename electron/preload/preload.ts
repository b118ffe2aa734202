/**
 * The sandboxed preload: exposes exactly the contract's channels (one function each) and
 * the two event streams, nothing else. Payloads are validated again in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from '../../shared/ipc/channel-names';

const invoke = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as Record<ChannelName, (input: unknown) => Promise<unknown>>;

/**
 * A file the OS asked to open at first start can arrive before the page has subscribed
 * (main sends it on did-finish-load; the page subscribes once its settings are read): such
 * paths wait here and go to the first subscriber, instead of being lost.
 */
const unheardOpens: string[] = [];
let openSubscribers = 0;
ipcRenderer.on('file:open', (_e: IpcRendererEvent, value: unknown) => {
  if (openSubscribers === 0 && typeof value === 'string' && unheardOpens.length < 16) unheardOpens.push(value);
});

function on(event: EventName, callback: (value: string) => void): () => void {
  if (!EVENT_NAMES.includes(event) || typeof callback !== 'function') throw new TypeError('unknown event');
  const listener = (_e: IpcRendererEvent, value: unknown) => {
    if (typeof value === 'string') callback(value);
  };
  ipcRenderer.on(event, listener);
  if (event === 'file:open') {
    openSubscribers += 1;
    for (const value of unheardOpens.splice(0)) queueMicrotask(() => callback(value));
  }
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    if (event === 'file:open') openSubscribers -= 1;
    ipcRenderer.removeListener(event, listener);
  };
}

contextBridge.exposeInMainWorld('gongwen', Object.freeze({ invoke: Object.freeze(invoke), on }));
