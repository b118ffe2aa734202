/**
 * The renderer's one client of the contract (house style 2): over IPC inside Electron
 * (the preload's `window.gongwen`), over HTTP to the preview backend in a browser.
 */
import { CHANNEL_NAMES, type ChannelName, type EventName } from '../../shared/ipc/channel-names';
import type { GongwenApi, Result } from '../../shared/ipc/contract';

interface PreloadBridge {
  invoke: Record<ChannelName, (input: unknown) => Promise<unknown>>;
  on(event: EventName, callback: (value: string) => void): () => void;
}

declare global {
  interface Window {
    gongwen?: PreloadBridge;
  }
}

export interface Platform {
  api: GongwenApi;
  shell: 'electron' | 'preview';
  /** Subscribe to menu commands / files opened by the OS; returns the unsubscribe function. */
  on(event: EventName, callback: (value: string) => void): () => void;
}

function networkFailure(error: unknown): Result<never> {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'network', messageKey: 'errors.network', values: { message } } };
}

export function createHttpApi(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): GongwenApi {
  const api = {} as Record<ChannelName, (input: unknown) => Promise<Result<unknown>>>;
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input: unknown) => {
      try {
        const response = await fetchImpl(new URL(`api/${channel}`, baseUrl).toString(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-gongwen-token': token },
          body: JSON.stringify({ input }),
          credentials: 'omit',
          cache: 'no-store',
        });
        return (await response.json()) as Result<unknown>;
      } catch (error) {
        return networkFailure(error);
      }
    };
  }
  return api as unknown as GongwenApi;
}

function createIpcApi(bridge: PreloadBridge): GongwenApi {
  const api = {} as Record<ChannelName, (input: unknown) => Promise<Result<unknown>>>;
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input: unknown) => {
      try {
        return (await bridge.invoke[channel](input)) as Result<unknown>;
      } catch (error) {
        return networkFailure(error);
      }
    };
  }
  return api as unknown as GongwenApi;
}

export function createPlatform(win: Window = window): Platform {
  if (win.gongwen) {
    const bridge = win.gongwen;
    return { api: createIpcApi(bridge), shell: 'electron', on: (event, cb) => bridge.on(event, cb) };
  }
  const token = win.document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')?.content ?? '';
  return { api: createHttpApi(win.location.href, token), shell: 'preview', on: () => () => {} };
}
