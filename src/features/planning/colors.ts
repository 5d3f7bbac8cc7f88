/** Text colours that pass contrast (axe, WCAG AA) in light and dark, on plain and striped rows. */
export const SHORTAGE_TEXT = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-3))';
export const SURPLUS_TEXT = 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-3))';
