/**
 * A header field edited in place. While focused it shows exactly what is typed (so a
 * half-typed "金文2024 " or a new empty line is not rewritten under the caret); every
 * change is committed, and the standard form is written back when the field is left.
 */
import { useState, type CSSProperties } from 'react';

export interface DraftFieldProps {
  label: string;
  value: string;
  /** What editing starts from, when the shown value is a rendering of it (the title's line breaks). */
  editValue?: string;
  onCommit: (text: string) => void;
  normalize?: (text: string) => string;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  style?: CSSProperties;
  fieldRef?: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
}

export function DraftField({ label, value, editValue, onCommit, normalize, multiline, className, placeholder, style, fieldRef }: DraftFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const classes = `gw-field ${className ?? ''}${shown ? '' : ' gw-field-empty'}`;
  const onChange = (text: string) => {
    setDraft(text);
    onCommit(text);
  };
  const source = editValue ?? value;
  const onBlur = (text: string) => {
    const done = normalize ? normalize(text) : text;
    setDraft(null);
    if (done !== source || done !== text) onCommit(done);
  };
  if (multiline) {
    return (
      <textarea
        ref={fieldRef}
        aria-label={label}
        placeholder={placeholder}
        className={classes}
        style={style}
        rows={Math.max(1, shown.split('\n').length)}
        value={shown}
        spellCheck={false}
        onFocus={() => setDraft(source)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={(e) => onBlur(e.target.value)}
      />
    );
  }
  return (
    <input
      ref={fieldRef}
      type="text"
      aria-label={label}
      placeholder={placeholder}
      className={classes}
      style={style}
      value={shown}
      spellCheck={false}
      onFocus={() => setDraft(source)}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => onBlur(e.target.value)}
    />
  );
}
