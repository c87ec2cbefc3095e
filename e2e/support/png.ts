const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/**
 * Pixel size from a PNG's header: the signature, then the IHDR chunk (length, "IHDR", width, height as
 * big-endian 32-bit integers). Throws for anything that is not a PNG.
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (!isPng(bytes) || bytes.length < 24 || chunkType !== "IHDR") throw new Error("not a PNG");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
