/**
 * The portal's colours: the one place they are decided, for the React pages (as CSS custom
 * properties, `--color-*`, in the generated palette.css beside this file), the plain pages that
 * route handlers answer with (lib/plain-pages, the same CSS inline) and the images (literal colours,
 * lib/images/theme.ts). Light first, dark by `prefers-color-scheme`; every text/background pair the
 * components use is at least 4.5:1 in both.
 */
type ColourToken =
  | "bg"
  | "surface"
  | "surfaceMuted"
  | "text"
  | "textMuted"
  | "border"
  | "accent"
  | "accentStrong"
  | "onAccent"
  | "focus"
  | "success"
  | "successBg"
  | "warning"
  | "warningBg"
  | "danger"
  | "dangerBg"
  | "infoBg";

type Palette = Readonly<Record<ColourToken, string>>;

export const LIGHT: Palette = {
  bg: "#fbf8f4",
  surface: "#ffffff",
  surfaceMuted: "#f3eee8",
  text: "#1f1a17",
  textMuted: "#5b524c",
  border: "#d9d0c7",
  accent: "#a0336b",
  accentStrong: "#7d2152",
  onAccent: "#ffffff",
  focus: "#1d5fd1",
  success: "#1e6b3a",
  successBg: "#e5f4ea",
  warning: "#7a4b00",
  warningBg: "#fff1d6",
  danger: "#a11d1d",
  dangerBg: "#fde8e8",
  infoBg: "#e8effc",
};

export const DARK: Palette = {
  bg: "#171311",
  surface: "#211c19",
  surfaceMuted: "#2b2521",
  text: "#f4eee9",
  textMuted: "#c2b7ae",
  border: "#4a413b",
  accent: "#f08cbd",
  accentStrong: "#f7b3d4",
  onAccent: "#1f0d17",
  focus: "#8fb4ff",
  success: "#8fdca9",
  successBg: "#173323",
  warning: "#ffd27a",
  warningBg: "#3a2a08",
  danger: "#ffaaaa",
  dangerBg: "#401616",
  infoBg: "#1b2740",
};

/** `surfaceMuted` → `--color-surface-muted`. */
export function customPropertyOf(token: ColourToken): string {
  return `--color-${token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function declarations(palette: Palette, indent: string): string {
  return (Object.entries(palette) as [ColourToken, string][])
    .map(([token, colour]) => `${indent}${customPropertyOf(token)}: ${colour};`)
    .join("\n");
}

/** The palette as CSS custom properties, light then dark: palette.css, and the plain pages' style. */
export function paletteCss(): string {
  return `:root {
  color-scheme: light dark;
${declarations(LIGHT, "  ")}
}

@media (prefers-color-scheme: dark) {
  :root {
${declarations(DARK, "    ")}
  }
}
`;
}
