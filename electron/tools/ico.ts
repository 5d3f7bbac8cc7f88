/**
 * The Windows .ico container: a 6-byte header, one 16-byte directory entry per image, then
 * the images. Since Vista an entry may hold a PNG as is, which keeps 256 px small. Shared by
 * the generator and the packaging test, which reads the committed file back.
 */
export const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 96, 128, 256] as const;

export type IcoImage = { size: number; png: Uint8Array };

export function encodeIco(images: readonly IcoImage[]): Uint8Array {
  const headerSize = 6 + 16 * images.length;
  const total = headerSize + images.reduce((sum, image) => sum + image.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type 1 = icon
  view.setUint16(4, images.length, true);
  let offset = headerSize;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    view.setUint8(entry, image.size >= 256 ? 0 : image.size); // 0 means 256
    view.setUint8(entry + 1, image.size >= 256 ? 0 : image.size);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, image.png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(image.png, offset);
    offset += image.png.length;
  });
  return out;
}

export type IcoEntry = { width: number; height: number; bitsPerPixel: number; png: Uint8Array };

/** Reads a .ico back: every entry with the size its directory claims and its bytes. */
export function decodeIco(bytes: Uint8Array): IcoEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) {
    throw new Error('geen .ico-bestand (header klopt niet)');
  }
  const count = view.getUint16(4, true);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = view.getUint32(entry + 8, true);
    const offset = view.getUint32(entry + 12, true);
    return {
      width: view.getUint8(entry) || 256,
      height: view.getUint8(entry + 1) || 256,
      bitsPerPixel: view.getUint16(entry + 6, true),
      png: bytes.subarray(offset, offset + length),
    };
  });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, index) => png[index] === byte)) throw new Error('geen PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
