/**
 * pdf-lib's standard fonts (Helvetica) speak WinAnsi only: typographic quotes and dashes become
 * their plain forms, anything else outside WinAnsi a '?', so drawText never throws on a name.
 * Shared by the dashboard's PDF and the answer's PDF.
 */
export const winAnsi = (text: string): string =>
  text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—−]/g, '-')
    .replace(/…/g, '...')
    .replace(/→/g, '->')
    .replace(/\u202f/g, '\u00a0')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff€]/g, '?');
