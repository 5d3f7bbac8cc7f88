import { describe, expect, it } from 'vitest';
import { createCloseGuard, formatWindowTitle } from '../../../electron/main/close-guard';

describe('close guard', () => {
  it('lets a clean workspace close without asking', () => {
    const guard = createCloseGuard();
    expect(guard.onCloseRequested()).toBe('allow');
  });

  it('asks once when there are unsaved changes, and ignores repeated close clicks meanwhile', () => {
    const guard = createCloseGuard();
    guard.setDirty(true);
    expect(guard.onCloseRequested()).toBe('prompt');
    expect(guard.onCloseRequested()).toBe('ignore');
  });

  it.each([
    ['dontSave', 'close', 'allow'],
    ['cancel', 'stay', 'prompt'],
  ] as const)('answer %s → %s, next close → %s', (answer, decision, next) => {
    const guard = createCloseGuard();
    guard.setDirty(true);
    guard.onCloseRequested();
    expect(guard.onPromptAnswered(answer)).toBe(decision);
    expect(guard.onCloseRequested()).toBe(next);
  });

  it('Opslaan: closes once the renderer’s save succeeded', () => {
    const guard = createCloseGuard();
    guard.setDirty(true);
    guard.onCloseRequested();
    expect(guard.onPromptAnswered('save')).toBe('saveThenClose');
    expect(guard.onCloseRequested()).toBe('ignore');
    expect(guard.onSaveStarted()).toBe(true);
    expect(guard.onSaveFinished(true)).toBe('close');
    expect(guard.onCloseRequested()).toBe('allow');
  });

  it('Opslaan: stays open when the save was cancelled or failed, and asks again next time', () => {
    const guard = createCloseGuard();
    guard.setDirty(true);
    guard.onCloseRequested();
    guard.onPromptAnswered('save');
    guard.onSaveStarted();
    expect(guard.onSaveFinished(false)).toBe('stay');
    expect(guard.onCloseRequested()).toBe('prompt');
  });

  it('a save that never started within the timeout no longer closes the window later', () => {
    let clock = 0;
    const guard = createCloseGuard({ now: () => clock, saveStartTimeoutMs: 1000 });
    guard.setDirty(true);
    guard.onCloseRequested();
    guard.onPromptAnswered('save');
    clock = 5000;
    expect(guard.onSaveStarted()).toBe(false);
    expect(guard.onSaveFinished(true)).toBe('stay');
    expect(guard.onCloseRequested()).toBe('prompt');
  });

  it('ordinary saves (not for closing) never close the window', () => {
    const guard = createCloseGuard();
    guard.setDirty(true);
    expect(guard.onSaveStarted()).toBe(false);
    expect(guard.onSaveFinished(true)).toBe('stay');
  });
});

describe('formatWindowTitle', () => {
  it.each([
    ['planning.pijlerplan', false, 'planning.pijlerplan — Pijlerplan'],
    ['planning.pijlerplan', true, '• planning.pijlerplan — Pijlerplan'],
    ['Voorbeeldwerkruimte', false, 'Voorbeeldwerkruimte — Pijlerplan'],
    ['  ', true, '• Pijlerplan'],
  ])('%j dirty=%s → %j', (title, dirty, expected) => {
    expect(formatWindowTitle(title, dirty)).toBe(expected);
  });
});
