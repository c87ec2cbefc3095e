/** A plain fixed-width table for the terminal: first row is the header. */
export function formatTable(rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? "–" : String(cell))));
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  const [header, ...body] = cells;
  if (!header) return "";
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

export type Target = { name: string; target: string; actual: string; met: boolean | null };

export function formatTargets(targets: readonly Target[]): string {
  return formatTable([
    ["target", "wanted", "measured", ""],
    ...targets.map((target) => [
      target.name,
      target.target,
      target.actual,
      target.met === null ? "n/a" : target.met ? "met" : "MISSED",
    ]),
  ]);
}
