import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../electron/services/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { ok } from '../../shared/ipc/contract';

describe('the validation layer every IPC and HTTP call passes', () => {
  const calls: unknown[] = [];
  const handlers: Handlers = {
    'drafts:get': (input) => {
      calls.push(input);
      return ok({ id: input.id, document: null as never, modifiedAt: '', recovered: null });
    },
    'settings:update': () => {
      throw new Error('disk on fire');
    },
  };

  it('rejects an invalid payload before any handler runs', async () => {
    for (const payload of [undefined, null, 42, 'x', {}, { id: 5 }, { id: '../x' }, { id: 'a'.repeat(500) }, { id: 'abcdef', extra: { __proto__: 1 } }]) {
      const result = await dispatch(handlers, 'drafts:get', payload);
      if (payload && typeof payload === 'object' && 'extra' in payload) continue; // extra keys are stripped, id is valid
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', messageKey: 'errors.invalidPayload' } });
    }
    expect(calls).toHaveLength(1);
  });

  it('rejects channels outside the contract', async () => {
    for (const channel of ['', 'drafts', 'shell:openExternal', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(handlers, channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('turns a thrown error into a Result', async () => {
    expect(await dispatch(handlers, 'settings:update', { language: 'en-US' })).toMatchObject({ ok: false, error: { code: 'internal', values: { message: 'disk on fire' } } });
  });

  it('rejects a settings patch with unknown keys or a wrong language', async () => {
    expect(await dispatch(handlers, 'settings:update', { language: 'fr-FR' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await dispatch(handlers, 'settings:update', { isAdmin: true })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('knows every channel the preload exposes', async () => {
    for (const channel of CHANNEL_NAMES) {
      const result = await dispatch({}, channel, Symbol('not serialisable'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['invalid-payload', 'not-implemented']).toContain(result.error.code);
    }
  });
});
