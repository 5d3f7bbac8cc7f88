/**
 * Just enough XML for SpreadsheetML: attribute lookup in an open tag, entity decoding, and the
 * `_xHHHH_` escapes Excel uses for control characters in strings. Not a general XML parser —
 * the sheet scanner reads the few elements it needs with indexOf, which is what makes it fast.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function entity(_m: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const cp =
      body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  }
  return NAMED[body] ?? '';
}

/** Decode XML entities and OOXML `_x000D_` escapes in element text. */
export function decodeXmlText(text: string): string {
  let t = text;
  if (t.indexOf('&') >= 0) t = t.replace(ENTITY, entity);
  if (t.indexOf('_x') >= 0)
    t = t.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return t;
}

/** The value of attribute `name` in an open tag's text (`<c r="A1" t="s">`), decoded. */
export function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // Whole attribute names only: `id` must not match `sheetId`, but `r:id` may be asked for.
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = i + name.length;
    while (tag.charCodeAt(j) === 32) j++;
    if (tag.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (tag.charCodeAt(j) === 32) j++;
    const quote = tag[j];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, j + 1);
    if (end < 0) return undefined;
    return decodeXmlText(tag.slice(j + 1, end));
  }
}

/** Every open tag `<name ...>` / `<name .../>` (with any namespace prefix) in `xml`. */
export function openTags(xml: string, localName: string): string[] {
  const tags: string[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) tags.push(m[0]);
  return tags;
}

/** The text of the first element `<name>…</name>` (any prefix), or undefined. */
export function elementBody(xml: string, localName: string): string | undefined {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${localName})(?:\\s[^>]*)?>([\\s\\S]*?)</\\1>`);
  return re.exec(xml)?.[2];
}

/**
 * The text of every `<t>` in a string item (`<si>` or `<is>`), rich text runs joined, phonetic
 * runs (`<rPh>`) left out.
 */
export function stringItemText(item: string, prefix: string): string {
  let xml = item;
  if (xml.indexOf('rPh') >= 0) xml = xml.replace(/<(\w+:)?rPh[\s>][\s\S]*?<\/(\w+:)?rPh>/g, '');
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let out = '';
  let from = 0;
  for (;;) {
    const i = xml.indexOf(open, from);
    if (i < 0) break;
    const next = xml.charCodeAt(i + open.length);
    if (next !== 62 /* > */ && next !== 32 && next !== 47 /* / */) {
      from = i + open.length;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) {
      from = gt + 1; // <t/>
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out += xml.slice(gt + 1, end);
    from = end + close.length;
  }
  return decodeXmlText(out);
}
