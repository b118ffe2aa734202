/**
 * Heading numbers as written: 一、 （一） 1. （1） and the variants real reports use
 * ((二) half-width, （一) mixed, 一. , 1、 , full-width digits).
 */
import { parseChineseNumeral } from '../model/numbering';
import type { HeadingLevel } from '../model/blocks';
import { toHalfWidthDigits } from './text';

export type LabelStyle = 'cn-sep' | 'cn-paren' | 'num-sep' | 'num-paren';

export interface ParsedLabel {
  style: LabelStyle;
  n: number;
  /** The separator after a bare number: 、 . ． etc. ('' for bracketed labels). */
  sep: string;
  open: string;
  close: string;
}

const CN = '[一二三四五六七八九十〇零]+';
const CN_SEP = new RegExp(`^(${CN})([、.．,，:：])$`);
const CN_PAREN = new RegExp(`^([（(])(${CN})([）)])$`);
const NUM_SEP = /^(\d{1,3})([.．、,，:：])$/;
const NUM_PAREN = /^([（(])(\d{1,3})([）)])$/;

export function parseLabel(raw: string): ParsedLabel | null {
  const s = toHalfWidthDigits(raw.replace(/[\s\u3000]/g, '')).replace(/\uFF08/g, '（').replace(/\uFF09/g, '）');
  let m = CN_SEP.exec(s);
  if (m) return finish('cn-sep', parseChineseNumeral(m[1]!), m[2]!, '', '');
  m = CN_PAREN.exec(s);
  if (m) return finish('cn-paren', parseChineseNumeral(m[2]!), '', m[1]!, m[3]!);
  m = NUM_SEP.exec(s);
  if (m) return finish('num-sep', Number(m[1]), m[2]!, '', '');
  m = NUM_PAREN.exec(s);
  if (m) return finish('num-paren', Number(m[2]), '', m[1]!, m[3]!);
  return null;
}

function finish(style: LabelStyle, n: number, sep: string, open: string, close: string): ParsedLabel | null {
  if (!Number.isFinite(n) || n < 1) return null;
  return { style, n, sep, open, close };
}

export const STYLE_OF_LEVEL: Record<HeadingLevel, LabelStyle> = { 1: 'cn-sep', 2: 'cn-paren', 3: 'num-sep', 4: 'num-paren' };

/** Separators GB/T 9704 practice accepts after a bare number, per style. */
export function separatorOk(label: ParsedLabel): boolean {
  if (label.style === 'cn-sep') return label.sep === '、';
  if (label.style === 'num-sep') return label.sep === '.' || label.sep === '．';
  return true;
}

export function isBracketed(label: ParsedLabel): boolean {
  return label.style === 'cn-paren' || label.style === 'num-paren';
}

/** True when a bracketed label uses a half-width ( or ). */
export function hasHalfWidthBracket(label: ParsedLabel): boolean {
  return isBracketed(label) && (label.open === '(' || label.close === ')');
}

/** The same label with full-width brackets, keeping the number as written. */
export function fullWidthBrackets(raw: string): string {
  return raw.replace(/\(/g, '（').replace(/\)/g, '）').replace(/（\s+/g, '（').replace(/\s+）/g, '）').trim();
}
