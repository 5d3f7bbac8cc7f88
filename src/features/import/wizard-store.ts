import { useSyncExternalStore } from 'react';
import {
  initialWizardState,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from './wizard-state';

/**
 * The wizard lives outside the screen component so a user can look at Gemeenten halfway through
 * an import and come back to the same step; and so a file dropped anywhere on the window reaches
 * the wizard whether or not its screen is mounted yet.
 */
type Listener = () => void;

let state: WizardState = initialWizardState;
const listeners = new Set<Listener>();

export function dispatchWizard(action: WizardAction): void {
  const next = wizardReducer(state, action);
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function getWizardState(): WizardState {
  return state;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWizardState(): WizardState {
  return useSyncExternalStore(subscribe, getWizardState, getWizardState);
}

/** A file handed to the wizard from outside (window drop, Bestand › Importeren…). */
export type IncomingFile = { name: string; bytes: Uint8Array };

let pending: IncomingFile | null = null;
const pendingListeners = new Set<Listener>();

/** Queues a file for the import screen; it picks it up as soon as it is mounted. */
export function offerImportFile(file: IncomingFile): void {
  pending = file;
  for (const listener of pendingListeners) listener();
}

/** Takes the queued file (once). */
export function takeOfferedFile(): IncomingFile | null {
  const file = pending;
  pending = null;
  return file;
}

export function onFileOffered(listener: Listener): () => void {
  pendingListeners.add(listener);
  return () => pendingListeners.delete(listener);
}
