import "server-only";
import { after } from "next/server";
import { env } from "@/lib/env";
import { createLastKnownGood } from "@/lib/store/last-known-good";
import { sharedStore } from "@/lib/store/shared";
import { recordServedFromLastKnownGood } from "@/lib/telemetry";
import { createReadThrough, type ReadThrough } from "./remembered-read";

let readThrough: ReadThrough | undefined;

/** The route template each kind of saved view belongs to, as the telemetry counter names pages. */
const PAGE_OF_VIEW: Record<string, string> = { list: "/checkouts", checkout: "/checkouts/[id]" };

/** The portal's read-through: last known good in the shared store, saved after the response (`after`). */
export function pageReadThrough(): ReadThrough {
  readThrough ??= createReadThrough({
    views: createLastKnownGood(sharedStore(), env().authSecret),
    schedule: (task) => after(task),
    onServed: (viewKind) => recordServedFromLastKnownGood(PAGE_OF_VIEW[viewKind] ?? viewKind),
  });
  return readThrough;
}
