/**
 * The flat view of a body that checks, export and import share.
 *
 * A heading keeps the number label exactly as written (`label`), or null when the
 * editor generates it: imported reports keep their own numbers so the checks can
 * report gaps and wrong brackets; "renumber" sets every label to null.
 */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  /** Number as written, e.g. "一、", "(二)", "3．"; null = generated from position. */
  label: string | null;
  /** Heading text without the number, e.g. "强化组织领导，推进依法行政。" */
  text: string;
  /** Paragraph text that runs on after the heading in the same paragraph, or null. */
  runIn: string | null;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** Template guidance: shown as grey placeholder text, must not survive into an export. */
export interface GuidanceBlock {
  type: 'guidance';
  text: string;
}

export type Block = HeadingBlock | ParagraphBlock | GuidanceBlock;
