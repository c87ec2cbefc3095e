/**
 * Just enough of a TrueType reader to lay text out before the renderer sees it: which characters a
 * font can draw (its `cmap`) and how wide each one is (`hmtx`). Satori asks the network for any glyph
 * its fonts lack (Google Fonts for scripts, a CDN for emoji), so text is limited to what this table
 * says the shipped fonts hold — and the same table lets the layout truncate text to the pixel.
 *
 * Pure: takes the font's bytes, touches no files.
 */

export type GlyphMetrics = {
  unitsPerEm: number;
  /** Advance width in font units of each code point the font maps to a real glyph (not .notdef). */
  advances: ReadonlyMap<number, number>;
};

type TableRecord = { offset: number; length: number };

export function readGlyphMetrics(bytes: Uint8Array): GlyphMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view);
  const head = requireTable(tables, "head");
  const hhea = requireTable(tables, "hhea");
  const hmtx = requireTable(tables, "hmtx");
  const cmap = requireTable(tables, "cmap");

  const unitsPerEm = view.getUint16(head.offset + 18);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  if (unitsPerEm === 0 || numberOfHMetrics === 0) throw new Error("Not a usable TrueType font");

  // Glyphs past the last long metric share its advance (a monospaced tail).
  const advanceOfGlyph = (glyph: number) =>
    view.getUint16(hmtx.offset + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const advances = new Map<number, number>();
  for (const [codePoint, glyph] of readCharacterMap(view, cmap)) {
    if (glyph !== 0) advances.set(codePoint, advanceOfGlyph(glyph));
  }
  return { unitsPerEm, advances };
}

function readTableDirectory(view: DataView): Map<string, TableRecord> {
  const version = view.getUint32(0);
  // 0x00010000: TrueType outlines; "true": old Apple TrueType. CFF ("OTTO") fonts have hmtx/cmap too.
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) {
    throw new Error("Not a TrueType/OpenType font (WOFF and WOFF2 are not read here)");
  }
  const numTables = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let index = 0; index < numTables; index++) {
    const record = 12 + 16 * index;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}

function requireTable(tables: Map<string, TableRecord>, tag: string): TableRecord {
  const table = tables.get(tag);
  if (!table) throw new Error(`Font has no ${tag} table`);
  return table;
}

/** Code point → glyph id from the best Unicode subtable: full repertoire (format 12) first, else BMP (format 4). */
function readCharacterMap(view: DataView, cmap: TableRecord): Map<number, number> {
  const numSubtables = view.getUint16(cmap.offset + 2);
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let index = 0; index < numSubtables; index++) {
    const record = cmap.offset + 4 + 8 * index;
    const offset = cmap.offset + view.getUint32(record + 4);
    subtables.push({
      platform: view.getUint16(record),
      encoding: view.getUint16(record + 2),
      offset,
      format: view.getUint16(offset),
    });
  }
  const isUnicode = (subtable: { platform: number; encoding: number }) =>
    subtable.platform === 0 ||
    (subtable.platform === 3 && (subtable.encoding === 1 || subtable.encoding === 10));
  const full = subtables.find((subtable) => isUnicode(subtable) && subtable.format === 12);
  if (full) return readFormat12(view, full.offset);
  const bmp = subtables.find((subtable) => isUnicode(subtable) && subtable.format === 4);
  if (bmp) return readFormat4(view, bmp.offset);
  throw new Error("Font has no Unicode character map (cmap format 4 or 12)");
}

function readFormat4(view: DataView, offset: number): Map<number, number> {
  const segCount = view.getUint16(offset + 6) / 2;
  const endCodes = offset + 14;
  const startCodes = endCodes + 2 * segCount + 2;
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  const map = new Map<number, number>();
  for (let segment = 0; segment < segCount; segment++) {
    const end = view.getUint16(endCodes + 2 * segment);
    const start = view.getUint16(startCodes + 2 * segment);
    const delta = view.getInt16(idDeltas + 2 * segment);
    const rangeOffsetAt = idRangeOffsets + 2 * segment;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        // The spec's pointer arithmetic: relative to the idRangeOffset entry itself.
        const glyphAt = rangeOffsetAt + rangeOffset + 2 * (code - start);
        const raw = view.getUint16(glyphAt);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      map.set(code, glyph);
    }
  }
  return map;
}

function readFormat12(view: DataView, offset: number): Map<number, number> {
  const groups = view.getUint32(offset + 12);
  const map = new Map<number, number>();
  for (let group = 0; group < groups; group++) {
    const record = offset + 16 + 12 * group;
    const start = view.getUint32(record);
    const end = view.getUint32(record + 4);
    const startGlyph = view.getUint32(record + 8);
    for (let code = start; code <= end; code++) map.set(code, startGlyph + (code - start));
  }
  return map;
}
