import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../electron/services/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { ok } from '../../shared/ipc/contract';
import { makeDocument } from './services/helpers';

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

  it('drafts:journal takes the whole document or a block delta, and refuses a malformed delta', async () => {
    const got: unknown[] = [];
    const journal: Handlers = {
      'drafts:journal': (input) => {
        got.push(input);
        return ok({ journaledAt: 't', base: 1 });
      },
    };
    const document = makeDocument();
    const { body, ...rest } = document;
    const { children, ...root } = body.root;
    const delta = { base: 3, document: rest, root, blocks: [0, children[1], 2] };
    expect(await dispatch(journal, 'drafts:journal', { id: 'abcdef', delta })).toMatchObject({ ok: true });
    expect(await dispatch(journal, 'drafts:journal', { id: 'abcdef', document })).toMatchObject({ ok: true });
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ delta: { base: 3, blocks: [0, { type: children[1]!.type }, 2] } });
    for (const bad of [
      { ...delta, blocks: [-1] },
      { ...delta, blocks: [1.5] },
      { ...delta, base: -1 },
      { ...delta, root: { ...root, type: 'paragraph' } },
      { ...delta, blocks: [{ text: 'no type' }] },
      { ...delta, blocks: Array.from({ length: 100_001 }, () => 0) },
    ]) {
      expect(await dispatch(journal, 'drafts:journal', { id: 'abcdef', delta: bad })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(got).toHaveLength(2);
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
