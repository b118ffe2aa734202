/**
 * A document posted to the check worker again and again (every second while the user types):
 * posting copies it whole (structured clone, ~30 ms a time for 300 pages on the main thread).
 * The body's unchanged blocks are the very same objects from one document to the next
 * (editor/body-cache.ts), so the sender posts only the blocks that are new and, for the
 * others, their index in the body it posted last; the worker keeps that body and rebuilds.
 * Messages arrive in order (postMessage), so both sides stay in step; the sender moves on
 * only once a post went through.
 */
import type { GongwenDocument, SerializedBody } from '../../../shared/model';

type Block = SerializedBody['root']['children'][number];
/** A block of the body: itself, or its index in the last body posted. */
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

export function createBlockDecoder() {
  let last: Block[] = [];
  return (delta: DocumentDelta): GongwenDocument => {
    const children = delta.blocks.map((ref) => {
      if (typeof ref !== 'number') return ref;
      const block = last[ref];
      if (block === undefined) throw new Error(`check worker: no block ${ref} in the last body`);
      return block;
    });
    last = children;
    return { ...delta.document, body: { root: { ...delta.root, children } } } as GongwenDocument;
  };
}
