import {
  GridCellKind,
  type GridCell,
  type ProvideEditorComponent,
} from '@glideapps/glide-data-grid';
import { useState } from 'react';

type EditorProps = Parameters<ProvideEditorComponent<GridCell>>[0] & {
  validate: (text: string) => string | null;
};

/**
 * The FTE cell editor: plain text, read by the screen the Belgian way (typing `0,8` gives 0,8
 * VTE — Glide's number editor would store 8). Enter/Tab commit and move, Escape cancels; an
 * invalid value shows why and is not committed.
 */
export function FteEditor({ value, initialValue, onFinishedEditing, validate }: EditorProps) {
  const start = initialValue ?? (value.kind === GridCellKind.Text ? value.data : '');
  const [text, setText] = useState(start);
  const problem = validate(text);
  const commit = (movement: readonly [-1 | 0 | 1, -1 | 0 | 1]) => {
    if (problem !== null) return;
    onFinishedEditing({ ...value, data: text } as GridCell, movement);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <input
        autoFocus
        aria-label="VTE"
        data-testid="fte-editor"
        value={text}
        inputMode="decimal"
        onChange={(event) => setText(event.target.value)}
        onFocus={(event) => {
          // Opened by typing: the caret goes after the typed key; opened with Enter: all selected.
          const input = event.currentTarget;
          if (initialValue !== undefined)
            input.setSelectionRange(input.value.length, input.value.length);
          else input.select();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            commit([0, event.shiftKey ? -1 : 1]);
          } else if (event.key === 'Tab') {
            event.preventDefault();
            event.stopPropagation();
            commit([event.shiftKey ? -1 : 1, 0]);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onFinishedEditing(undefined, [0, 0]);
          }
        }}
        style={{
          font: 'inherit',
          fontSize: 13,
          padding: '6px 8px',
          border: `2px solid ${problem ? '#e03131' : '#1c7ed6'}`,
          outline: 'none',
          minWidth: 90,
          textAlign: 'right',
          borderRadius: 2,
        }}
      />
      {problem && (
        <div
          role="alert"
          style={{
            background: '#c92a2a',
            color: '#fff',
            fontSize: 12,
            padding: '4px 8px',
            maxWidth: 260,
          }}
        >
          {problem}
        </div>
      )}
    </div>
  );
}
