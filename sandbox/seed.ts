import { clockAt } from "./clock";
import { alexCheckouts, blairCheckouts, manyCheckouts } from "./demo-checkouts";
import { hostileCheckouts } from "./hostile-checkouts";
import { syntheticCheckouts } from "./synthetic";
import type { CheckoutRecord } from "./types";

/** Every seeded checkout: the demo customers' plus `extraCheckouts` synthetic ones, all relative to `now`. */
export function seedCheckouts(now: Date, extraCheckouts = 0): CheckoutRecord[] {
  const clock = clockAt(now);
  const demo = [
    ...alexCheckouts(clock),
    ...blairCheckouts(clock),
    ...manyCheckouts(clock),
    ...hostileCheckouts(clock),
  ];
  if (extraCheckouts === 0) return demo;
  const synthetic = syntheticCheckouts(extraCheckouts, clock.nowMs);
  for (const record of demo) synthetic.push(record);
  return synthetic;
}
