/** Letters without a decomposition that WinAnsi lacks, to their nearest plain letter. */
const PLAIN: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' };

/**
 * pdf-lib's standard fonts (Helvetica) speak WinAnsi only: typographic quotes and dashes become
 * their plain forms, → becomes ->, a letter outside WinAnsi its base letter (Doğan → Dogan,
 * Wiśniewska → Wisniewska), anything else a '?', so drawText never throws on a name.
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
    .replace(/[^\u0020-\u007e\u00a0-\u00ff€]/g, (c) => {
      const base = PLAIN[c] ?? c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return /^[\u0020-\u007e\u00a0-\u00ff]$/.test(base) ? base : '?';
    });
