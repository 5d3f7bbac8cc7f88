/** Strings for sharing a workspace on a network drive (i18n namespace `sharing`). */
export const sharingNl = {
  readOnlyTitle: 'Alleen-lezen: iemand anders heeft dit bestand open',
  heldBy: 'Dit bestand is geopend door {{user}} op {{machine}} sinds {{since}}.',
  readOnlyBody:
    'Je kunt kijken, maar niets wijzigen of erover opslaan. Met "Opslaan als…" werk je verder in een eigen kopie.',
  staleBody:
    'Die vergrendeling wordt niet meer vernieuwd (een programma dat vastliep of een computer die sliep): je kunt het bestand overnemen.',
  takeOver: 'Overnemen',
  takenOver: 'Je hebt "{{name}}" overgenomen; je kunt het nu wijzigen.',
  saveAs: 'Opslaan als…',
  changedTitle: 'Iemand anders heeft dit bestand intussen opgeslagen',
  changedQuestion:
    'Er is niets overschreven. Wil je jouw wijzigingen toepassen op hun nieuwere versie (wat niet botst) en die opslaan, of je werk als een nieuw bestand bewaren?',
  reapply: 'Mijn wijzigingen toepassen en opslaan',
  cancel: 'Annuleren',
  reappliedTitle: 'Jouw wijzigingen zijn toegepast op de nieuwere versie',
  reappliedBody:
    '{{applied}} wijziging(en) toegepast en opgeslagen in "{{name}}". Niets van de andere versie is overschreven.',
  conflictsIntro:
    'Deze {{count}} wijziging(en) botsten met de andere versie; daar blijft hun waarde staan. Voer ze opnieuw in als jouw waarde de juiste is:',
  noConflicts: 'Er waren geen botsingen.',
  close: 'Sluiten',
};

export const sharingEn: typeof sharingNl = {
  readOnlyTitle: 'Read-only: someone else has this file open',
  heldBy: 'This file is open by {{user}} on {{machine}} since {{since}}.',
  readOnlyBody:
    'You can look, but not change it or save over it. "Save as…" lets you continue in a copy of your own.',
  staleBody:
    'That lock is no longer refreshed (an app that hung or a computer that slept): you may take the file over.',
  takeOver: 'Take over',
  takenOver: 'You took over "{{name}}"; you can change it now.',
  saveAs: 'Save as…',
  changedTitle: 'Someone else saved this file meanwhile',
  changedQuestion:
    'Nothing was overwritten. Apply your changes onto their newer version (where they do not clash) and save it, or keep your work as a new file?',
  reapply: 'Apply my changes and save',
  cancel: 'Cancel',
  reappliedTitle: 'Your changes were applied onto the newer version',
  reappliedBody:
    '{{applied}} change(s) applied and saved in "{{name}}". Nothing of the other version was overwritten.',
  conflictsIntro:
    'These {{count}} change(s) clashed with the other version; its value stays. Enter them again if yours is the right one:',
  noConflicts: 'There were no clashes.',
  close: 'Close',
};
