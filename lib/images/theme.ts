import type { Tone } from "@/lib/checkout/types";
import { DARK, LIGHT } from "@/lib/theme/palette";

/** The family name the shipped fonts are registered under (lib/images/fonts.ts). */
export const IMAGE_FONT_FAMILY = "DejaVu Sans";

/**
 * The light palette (lib/theme/palette.ts) as literal colours: images cannot read CSS custom
 * properties from the page, and an image in an email must look the same in every client.
 */
export const COLOURS = {
  ...LIGHT,
  /** The dark theme's strong accent, the pink that reads on the light theme's. */
  accentSoft: DARK.accentStrong,
} as const;

/** Status pill colours per tone, the same pairs as components/StatusBadge.module.css. */
export const TONE_COLOURS: Record<Tone, { background: string; text: string; border: string }> = {
  neutral: { background: LIGHT.surfaceMuted, text: LIGHT.text, border: LIGHT.border },
  info: { background: LIGHT.infoBg, text: LIGHT.text, border: LIGHT.focus },
  success: { background: LIGHT.successBg, text: LIGHT.success, border: LIGHT.success },
  warning: { background: LIGHT.warningBg, text: LIGHT.warning, border: LIGHT.warning },
  danger: { background: LIGHT.dangerBg, text: LIGHT.danger, border: LIGHT.danger },
};
