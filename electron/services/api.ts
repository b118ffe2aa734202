/**
 * The Node side of the contract: one handler per channel, built from the services.
 * The Electron main process (over IPC) and the preview backend (over HTTP) both call
 * `dispatch`, so validation and error handling live in one place (house style 4).
 */
import {
  type ApiInput,
  type ApiOutputs,
  type Channel,
  type Result,
  fail,
  parsePayload,
} from '../../shared/ipc/contract';

export type Handlers = { [C in Channel]?: (input: ApiInput<C>) => Promise<Result<ApiOutputs[C]>> | Result<ApiOutputs[C]> };

/** Validate, run, and turn any thrown error into a Result: nothing escapes as an exception. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Result<unknown>> {
  const parsed = parsePayload(channel, payload);
  if (!parsed.ok) return parsed;
  const handler = handlers[channel as Channel] as ((input: unknown) => Promise<Result<unknown>> | Result<unknown>) | undefined;
  if (!handler) return fail('not-implemented', 'errors.notImplemented', { channel });
  try {
    return await handler(parsed.value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', 'errors.internal', { message: message.slice(0, 300) });
  }
}
