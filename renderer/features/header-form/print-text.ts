/**
 * Fixed words printed on the 公文 page itself. They belong to the document, which is a
 * Chinese official document whatever the interface language is (the .docx builder writes
 * the same words), so they are not interface strings and are not translated.
 */
export const PRINT_TEXT = {
  signerLead: '签发人',
  colon: '：',
  attachmentsLead: '附件',
  ccLead: '抄送',
  printedSuffix: '印发',
  fullStop: '。',
  openParen: '（',
  closeParen: '）',
} as const;
