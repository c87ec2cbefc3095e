import type { Tone } from "@/lib/checkout/types";

/** The family name the shipped fonts are registered under (lib/images/fonts.ts). */
export const IMAGE_FONT_FAMILY = "DejaVu Sans";

/**
 * The light theme's tokens from app/globals.css, as literal colours: images cannot read CSS custom
 * properties from the page, and an image in an email must look the same in every client.
 */
export const PALETTE = {
  background: "#fbf8f4",
  surface: "#ffffff",
  surfaceMuted: "#f3eee8",
  text: "#1f1a17",
  textMuted: "#5b524c",
  border: "#d9d0c7",
  accent: "#a0336b",
  accentStrong: "#7d2152",
  accentSoft: "#f7b3d4",
  onAccent: "#ffffff",
} as const;

/** Status pill colours per tone, the same pairs as components/StatusBadge.module.css. */
export const TONE_COLOURS: Record<Tone, { background: string; text: string; border: string }> = {
  neutral: { background: "#f3eee8", text: "#1f1a17", border: "#d9d0c7" },
  info: { background: "#e8effc", text: "#1f1a17", border: "#1d5fd1" },
  success: { background: "#e5f4ea", text: "#1e6b3a", border: "#1e6b3a" },
  warning: { background: "#fff1d6", text: "#7a4b00", border: "#7a4b00" },
  danger: { background: "#fde8e8", text: "#a11d1d", border: "#a11d1d" },
};
