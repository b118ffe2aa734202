import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';

export function makeDoc(title: string): GongwenDocument {
  return { schemaVersion: SCHEMA_VERSION, kind: 'generic', reportYear: null, header: { ...emptyHeader(), title }, body: fromBlocks([{ type: 'paragraph', text: title }]) };
}
