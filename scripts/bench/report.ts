import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { formatTargets, type Target } from "./table";

/** What one bench run found: figures for the JSON file, targets for the closing table. */
export class Report {
  readonly startedAt = new Date();
  private readonly figures: Record<string, unknown> = {
    startedAt: this.startedAt.toISOString(),
    machine: { cpus: cpus().length, node: process.version },
  };
  private readonly targets: Target[] = [];

  record(name: string, figure: unknown): void {
    this.figures[name] = figure;
  }

  /** A target the issue sets, with what was measured; `met: null` when it could not be measured. */
  target(name: string, wanted: string, actual: string, met: boolean | null): void {
    this.targets.push({ name, target: wanted, actual, met });
  }

  section(title: string, body: string): void {
    console.log(`\n${title}\n${body}`);
  }

  log(line: string): void {
    console.log(`[bench] ${line}`);
  }

  /** Prints the targets and writes everything to `folder`; returns the file written. */
  finish(folder: string): string {
    this.section("Targets", formatTargets(this.targets));
    const figures = { ...this.figures, targets: this.targets };
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `bench-${this.startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    const json = `${JSON.stringify(figures, null, 2)}\n`;
    writeFileSync(file, json);
    writeFileSync(join(folder, "latest.json"), json);
    return file;
  }
}
