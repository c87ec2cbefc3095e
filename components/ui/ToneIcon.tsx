import type { ReactElement } from "react";
import type { Tone } from "@/lib/checkout/types";

/**
 * A distinct shape per tone (check, triangle, cross, "i", dot) so tone never rests on colour alone.
 * Decorative: the label beside it always says the same thing in words.
 */
export function ToneIcon({ tone, className }: { tone: Tone; className?: string }) {
  if (!SHARE_ICON_ELEMENTS) return drawIcon(tone, className);
  const key = `${tone} ${className ?? ""}`;
  let icon = drawnIcons.get(key);
  if (!icon) {
    icon = drawIcon(tone, className);
    drawnIcons.set(key, icon);
  }
  return icon;
}

function drawIcon(tone: Tone, className: string | undefined): ReactElement {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {TONE_SHAPES[tone]}
    </svg>
  );
}

/*
 * One element per tone and class, made once: React's server payload sends an element object it has
 * already sent as a reference, so a list of twenty badges carries one icon's attributes, not twenty
 * (the shapes below were already shared that way). Elements are immutable, so sharing them is safe;
 * the map holds at most five tones times the few stylesheet classes that draw icons.
 * Production only: in development React records on each element the component that rendered it,
 * with that component's props, and its development payload sends them wherever the element is used
 * again, so a shared element would carry one customer's card into the next customer's page.
 */
const SHARE_ICON_ELEMENTS = process.env.NODE_ENV === "production";
const drawnIcons = new Map<string, ReactElement>();

const TONE_SHAPES: Record<Tone, ReactElement> = {
  success: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M5 8.25 7 10.25 11 6" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.75 14.75 13.75H1.25Z" />
      <path d="M8 6.25v3.25" />
      <circle cx="8" cy="11.75" r="0.4" fill="currentColor" />
    </>
  ),
  danger: (
    <>
      <path d="M5.25 1.5h5.5l3.75 3.75v5.5l-3.75 3.75h-5.5L1.5 10.75v-5.5Z" />
      <path d="m5.75 5.75 4.5 4.5m0-4.5-4.5 4.5" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 7.25v4" />
      <circle cx="8" cy="4.75" r="0.4" fill="currentColor" />
    </>
  ),
  neutral: <circle cx="8" cy="8" r="3" fill="currentColor" />,
};
