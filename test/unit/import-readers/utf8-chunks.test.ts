import { describe, expect, it } from 'vitest';
import { streamDecoder, utf8CompleteLength } from '../../../src/core/import/readers/dialect';

/**
 * The UTF-8 chunk decoder against Node's own streaming TextDecoder (an independent decoder) and
 * against one whole-buffer decode: any cut of the bytes into chunks gives the same text.
 */
const TEXT =
  'Gemeente;Opmerking\nSint-Genesius-Rode;café naïve € 12,5\nKnokke-Heist;🙂 emoji 𝄞 en ß\n' +
  'Tongeren-Borgloon;日本語 — “aanhalingstekens”\n';

/** A small seeded generator: the same cut points at every run. */
function cuts(length: number, seed: number, count: number): number[] {
  let x = seed;
  const out = new Set<number>();
  while (out.size < count) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.add(1 + (x % (length - 1)));
  }
  return [...out].sort((a, b) => a - b);
}

function decodeInChunks(bytes: Uint8Array, at: number[]): string {
  const decoder = streamDecoder('utf-8');
  let text = '';
  let from = 0;
  for (const to of at) {
    text += decoder.decode(bytes.subarray(from, to), { stream: true });
    from = to;
  }
  text += decoder.decode(bytes.subarray(from), { stream: true });
  return text + decoder.decode();
}

function nodeStreaming(bytes: Uint8Array, at: number[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let from = 0;
  for (const to of [...at, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, to), { stream: true });
    from = to;
  }
  return text + decoder.decode();
}

describe('UTF-8 decoded chunk by chunk', () => {
  const bytes = new TextEncoder().encode(TEXT);

  it('cuts at every byte give the original text, a 2-, 3- and 4-byte character split in each way', () => {
    for (let cut = 1; cut < bytes.length; cut++)
      expect(decodeInChunks(bytes, [cut]), `cut at byte ${cut}`).toBe(TEXT);
  });

  it.each([1, 7, 42, 2026])(
    'many random cuts (seed %i) give the same text as a streaming decoder',
    (seed) => {
      const at = cuts(bytes.length, seed, 25);
      expect(decodeInChunks(bytes, at)).toBe(TEXT);
      expect(decodeInChunks(bytes, at)).toBe(nodeStreaming(bytes, at));
    },
  );

  it('chunks of one byte each', () => {
    const at = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(decodeInChunks(bytes, at)).toBe(TEXT);
  });

  it('invalid bytes become U+FFFD as with a streaming decoder, wherever the chunks are cut', () => {
    // A lone continuation byte, a lead byte followed by ASCII, a cut-off 4-byte sequence at the end.
    const bad = new Uint8Array([0x61, 0x80, 0x62, 0xc3, 0x63, 0xe2, 0x82, 0x64, 0xf0, 0x9f, 0x99]);
    for (let cut = 1; cut < bad.length; cut++)
      expect(decodeInChunks(bad, [cut]), `cut at byte ${cut}`).toBe(nodeStreaming(bad, [cut]));
    expect(decodeInChunks(bad, [])).toBe('a\ufffdb\ufffdc\ufffdd\ufffd');
  });

  it('a byte-order mark inside the text is content and stays', () => {
    const withBom = new TextEncoder().encode('a\ufeffb');
    expect(decodeInChunks(withBom, [2])).toBe('a\ufeffb');
  });

  it('utf8CompleteLength stops before a character that continues in the next chunk', () => {
    const euro = new TextEncoder().encode('x€'); // 78 e2 82 ac
    expect(utf8CompleteLength(euro)).toBe(4);
    expect(utf8CompleteLength(euro.subarray(0, 3))).toBe(1);
    expect(utf8CompleteLength(euro.subarray(0, 2))).toBe(1);
    expect(utf8CompleteLength(new Uint8Array([0x41]))).toBe(1);
    expect(utf8CompleteLength(new Uint8Array([]))).toBe(0);
  });
});
