// The Lake query editor: CodeMirror 6 with SQL highlighting and completion of Lake's column names (and of
// the chosen event data store's ID as the table). Loaded only with the Query page's chunk.
import * as tokens from '@cloudscape-design/design-tokens';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { tags } from '@lezer/highlight';
import { EditorView, basicSetup } from 'codemirror';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { LAKE_COLUMNS, LAKE_NESTED_FIELDS } from '@/domain/lake';

export interface SqlEditorHandle {
  /** Puts the cursor at a 1-based line and column (a syntax error's position) and focuses the editor. */
  reveal(line: number, column: number): void;
}

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  storeId?: string;
  ariaLabel: string;
}

// Colours are Cloudscape tokens (CSS custom properties), so the editor follows the light and dark modes;
// CodeMirror's default highlight style is drawn for a light background only.
const theme = EditorView.theme({
  '&': {
    minHeight: '220px',
    border: `1px solid ${tokens.colorBorderInputDefault}`,
    borderRadius: '8px',
    backgroundColor: tokens.colorBackgroundInputDefault,
    color: tokens.colorTextBodyDefault,
  },
  '.cm-scroller': { fontFamily: tokens.fontFamilyMonospace, fontSize: '14px', minHeight: '220px' },
  '&.cm-focused': { outline: `2px solid ${tokens.colorBorderItemFocused}` },
  '.cm-gutters': {
    backgroundColor: tokens.colorBackgroundContainerHeader,
    color: tokens.colorTextBodySecondary,
    borderRight: `1px solid ${tokens.colorBorderInputDefault}`,
    borderRadius: '8px 0 0 8px',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: tokens.colorBackgroundDropdownItemHover },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: tokens.colorTextBodyDefault },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: tokens.colorBackgroundItemSelected,
  },
  '.cm-tooltip': {
    backgroundColor: tokens.colorBackgroundContainerContent,
    color: tokens.colorTextBodyDefault,
    border: `1px solid ${tokens.colorBorderInputDefault}`,
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: tokens.colorBackgroundItemSelected,
    color: tokens.colorTextBodyDefault,
  },
});

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: tokens.colorTextStatusInfo, fontWeight: 'bold' },
  { tag: [tags.string, tags.special(tags.string)], color: tokens.colorTextStatusSuccess },
  { tag: [tags.number, tags.bool, tags.null], color: tokens.colorTextStatusWarning },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: tokens.colorTextBodySecondary },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: tokens.colorTextBodySecondary },
  { tag: [tags.typeName, tags.standard(tags.name)], color: tokens.colorTextAccent },
]);

export const SqlEditor = forwardRef<SqlEditorHandle, SqlEditorProps>(function SqlEditor(
  { value, onChange, storeId, ariaLabel },
  ref,
) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const columns = [...LAKE_COLUMNS.map((c) => c.name), ...LAKE_NESTED_FIELDS];
    const editor = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        syntaxHighlighting(highlight),
        basicSetup,
        sql({
          dialect: StandardSQL,
          schema: { [storeId || 'event_data_store']: columns },
          upperCaseKeywords: true,
        }),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is rebuilt only when the completion schema changes; text changes flow through `value`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storeId, ariaLabel]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useImperativeHandle(ref, () => ({
    reveal(line, column) {
      const editor = view.current;
      if (!editor) return;
      const doc = editor.state.doc;
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const anchor = Math.min(target.from + Math.max(column - 1, 0), target.to);
      editor.dispatch({ selection: { anchor, head: Math.min(anchor + 1, target.to) }, scrollIntoView: true });
      editor.focus();
    },
  }));

  return <div ref={host} />;
});
