/**
 * RFC 4180 parsing of delimited text: quoted fields, doubled quotes, delimiters and newlines
 * inside quotes, CRLF or LF. Empty fields are ''. A trailing newline does not make an extra row.
 */
export function parseCsvText(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const d = delimiter.charCodeAt(0);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += text[i];
    } else if (c === 34 && field === '') inQuotes = true;
    else if (c === d) {
      row.push(field);
      field = '';
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += text[i];
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
