/**
 * A document sent again and again while the user types (to the check worker, to the journal):
 * copying it whole costs the main thread ~30 ms (postMessage's structured clone) to ~100 ms
 * (JSON + fetch to the preview backend) a time at 300 pages. The body's unchanged blocks are
 * the very same objects from one document to the next (renderer/editor/body-cache.ts), so the
 * sender sends only the blocks that are new and, for the others, their index in the body it
 * sent last; the receiver keeps that body and rebuilds. The sender moves on (commit) only once
 * a send went through; a receiver that lost the last body says so and gets every block again.
 */
import type { GongwenDocument } from './document';
import type { SerializedBody } from './lexical-json';

type Block = SerializedBody['root']['children'][number];
/** A block of the body: itself, or its index in the last body sent. */
export type BlockRef = Block | number;
export interface DocumentDelta {
  document: Omit<GongwenDocument, 'body'>;
  root: Omit<SerializedBody['root'], 'children'>;
  blocks: BlockRef[];
}

export function createBlockEncoder() {
  let last = new Map<Block, number>();
  return {
    /** The delta of `document` against the last body committed. */
    encode(document: GongwenDocument): { delta: DocumentDelta; commit: () => void } {
      const { body, ...rest } = document;
      const { children, ...root } = body.root;
      const blocks = children.map((block) => last.get(block) ?? block);
      return {
        delta: { document: rest, root, blocks },
        commit: () => {
          last = new Map(children.map((block, i) => [block, i]));
        },
      };
    },
    /** Forget the last body (the receiver starts afresh): the next delta carries every block. */
    reset() {
      last = new Map();
    },
  };
}

/** The document of `delta` with its referenced blocks taken from `last`; throws when one is not there. */
export function applyDelta(delta: DocumentDelta, last: readonly Block[]): GongwenDocument {
  const children = delta.blocks.map((ref) => {
    if (typeof ref !== 'number') return ref;
    const block = last[ref];
    if (block === undefined) throw new Error(`block delta: no block ${ref} in the last body`);
    return block;
  });
  return { ...delta.document, body: { root: { ...delta.root, children } } } as GongwenDocument;
}

/** Whether `delta` refers to blocks of a body sent before (a receiver without one cannot rebuild it). */
export function refersBack(delta: DocumentDelta): boolean {
  return delta.blocks.some((ref) => typeof ref === 'number');
}

/** The receiving side for messages that arrive in order (a worker): keeps the last body. */
export function createBlockDecoder() {
  let last: readonly Block[] = [];
  return (delta: DocumentDelta): GongwenDocument => {
    const document = applyDelta(delta, last);
    last = document.body.root.children;
    return document;
  };
}
