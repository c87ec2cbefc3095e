import type { ReactElement } from "react";
import { COLOURS, IMAGE_FONT_FAMILY } from "@/lib/images/theme";
import { withStableKeys } from "../stable-keys";

/*
 * The link-preview image every page shares, for satori (next/og) only: the brand and what the portal
 * is for, nothing about any customer or checkout. Inline styles and flex boxes only.
 */

type BrandImageProps = {
  width: number;
  height: number;
  headline: string[];
  summary: string[];
  /** The journey in generic words; drawn as plain dots, not as anyone's progress. */
  journey: string[];
};

const ON_BRAND_MUTED = "#f6dbe9";

export function BrandImage({ width, height, headline, summary, journey }: BrandImageProps): ReactElement {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width,
        height,
        padding: 72,
        backgroundColor: COLOURS.accentStrong,
        color: COLOURS.onAccent,
        fontFamily: IMAGE_FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", fontSize: 36, fontWeight: 700 }}>
        <span style={{ color: COLOURS.accentSoft, marginRight: 16 }}>●</span>
        The Sweet Spot
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 56 }}>
        {withStableKeys(headline, (line) => line).map(({ key, entry: line }) => (
          <div key={key} style={{ display: "flex", fontSize: 76, fontWeight: 700, lineHeight: 1.15 }}>
            {line}
          </div>
        ))}
        <div style={{ display: "flex", flexDirection: "column", marginTop: 24 }}>
          {withStableKeys(summary, (line) => line).map(({ key, entry: line }) => (
            <div key={key} style={{ display: "flex", fontSize: 34, lineHeight: 1.35, color: ON_BRAND_MUTED }}>
              {line}
            </div>
          ))}
        </div>
      </div>
      <div style={{ display: "flex", flexGrow: 1 }} />
      <div style={{ display: "flex", alignItems: "center" }}>
        {withStableKeys(journey, (step) => step).map(({ key, entry: step }, index) => (
          <div key={key} style={{ display: "flex", alignItems: "center", flexGrow: index === 0 ? 0 : 1 }}>
            {index > 0 ? (
              <div
                style={{
                  display: "flex",
                  flexGrow: 1,
                  height: 4,
                  margin: "0 16px",
                  backgroundColor: COLOURS.accentSoft,
                }}
              />
            ) : null}
            <div style={{ display: "flex", alignItems: "center", fontSize: 26, color: ON_BRAND_MUTED }}>
              <div
                style={{
                  display: "flex",
                  width: 18,
                  height: 18,
                  marginRight: 12,
                  borderRadius: 18,
                  backgroundColor: COLOURS.accentSoft,
                }}
              />
              {step}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
