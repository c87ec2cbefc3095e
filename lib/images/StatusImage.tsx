import type { ReactElement } from "react";
import type { MilestoneState } from "@/lib/checkout/types";
import type { StatusImageLayout, StatusImageSpec, StepLayout } from "@/lib/images/status-image-layout";
import { COLOURS, IMAGE_FONT_FAMILY, TONE_COLOURS } from "@/lib/images/theme";
import { withStableKeys } from "../stable-keys";

/*
 * The status image's markup, for satori (next/og) only, not for the DOM: inline styles, flex boxes,
 * no CSS variables. Everything it shows was measured and cut by lib/images/status-image-layout.ts;
 * each line is its own no-wrap box, so the renderer cannot re-wrap text into an extra line. There is
 * no `overflow: hidden` safety net on the lines: its clip paths made each render about 1.8× slower.
 */

export function StatusImage({ layout }: { layout: StatusImageLayout }): ReactElement {
  const { spec } = layout;
  const tone = TONE_COLOURS[layout.status.tone];
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: spec.width,
        height: spec.height,
        padding: spec.padding,
        backgroundColor: COLOURS.bg,
        color: COLOURS.text,
        fontFamily: IMAGE_FONT_FAMILY,
        borderTop: `${Math.round(spec.padding / 5)}px solid ${COLOURS.accentStrong}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", fontSize: spec.brandSize, lineHeight: 1.2 }}>
        <span style={{ color: COLOURS.accent, marginRight: spec.brandSize * 0.4 }}>●</span>
        <span style={{ fontWeight: 700, color: COLOURS.accentStrong }}>The Sweet Spot</span>
        <span style={{ marginLeft: "auto", color: COLOURS.textMuted }}>{layout.heading}</span>
      </div>

      <div style={{ display: "flex", flexDirection: "column", marginTop: spec.gap * 1.4 }}>
        {withStableKeys(layout.title, (line) => line).map(({ key, entry: line }) => (
          <TextLine key={key} size={spec.titleSize} weight={700} lineHeight={1.2}>
            {line}
          </TextLine>
        ))}
        <div style={{ display: "flex", marginTop: spec.gap * 0.7 }}>
          <div
            style={{
              display: "flex",
              padding: `${spec.statusSize * 0.25}px ${spec.statusSize * 0.75}px`,
              borderRadius: spec.statusSize * 2,
              border: `${Math.max(1, spec.statusSize / 14)}px solid ${tone.border}`,
              backgroundColor: tone.background,
              color: tone.text,
              fontSize: spec.statusSize,
              fontWeight: 700,
              lineHeight: 1.25,
              whiteSpace: "nowrap",
            }}
          >
            {layout.status.label}
          </div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", marginTop: spec.gap * 0.6 }}>
          {withStableKeys(layout.description, (line) => line).map(({ key, entry: line }) => (
            <TextLine key={key} size={spec.descriptionSize} lineHeight={1.3} color={COLOURS.textMuted}>
              {line}
            </TextLine>
          ))}
        </div>
      </div>

      <div style={{ display: "flex", flexGrow: 1 }} />
      {layout.steps.length > 0 ? <Timeline layout={layout} /> : null}
    </div>
  );
}

function TextLine({
  children,
  size,
  weight = 400,
  lineHeight,
  color,
  align = "left",
}: {
  children: string;
  size: number;
  weight?: 400 | 700;
  lineHeight: number;
  color?: string;
  align?: "left" | "center";
}): ReactElement {
  return (
    <div
      style={{
        display: "flex",
        justifyContent: align === "center" ? "center" : "flex-start",
        fontSize: size,
        fontWeight: weight,
        lineHeight,
        color,
        whiteSpace: "nowrap",
      }}
    >
      {children}
    </div>
  );
}

function Timeline({ layout }: { layout: StatusImageLayout }): ReactElement {
  const { spec, steps } = layout;
  return (
    <div style={{ display: "flex", flexDirection: "column" }}>
      {layout.stepsCaption ? (
        <div
          style={{
            display: "flex",
            justifyContent: "flex-end",
            fontSize: spec.captionSize,
            color: COLOURS.textMuted,
            marginBottom: spec.gap * 0.5,
          }}
        >
          {layout.stepsCaption}
        </div>
      ) : null}
      <div style={{ display: "flex" }}>
        {withStableKeys(steps, (step) => step.label.join(" ")).map(({ key, entry: step }, index) => (
          <StepColumn
            key={key}
            spec={spec}
            step={step}
            reachedFromLeft={passedBetween(steps[index - 1], step)}
            reachedToRight={passedBetween(step, steps[index + 1])}
            first={index === 0}
            last={index === steps.length - 1}
          />
        ))}
      </div>
    </div>
  );
}

/** The line from one step to the next is drawn as travelled once the first is done and the next reached. */
function passedBetween(from: StepLayout | undefined, to: StepLayout | undefined): boolean {
  return from?.state === "done" && to !== undefined && to.state !== "upcoming";
}

function StepColumn({
  spec,
  step,
  reachedFromLeft,
  reachedToRight,
  first,
  last,
}: {
  spec: StatusImageSpec;
  step: StepLayout;
  reachedFromLeft: boolean;
  reachedToRight: boolean;
  first: boolean;
  last: boolean;
}): ReactElement {
  const connector = Math.max(2, Math.round(spec.markerSize / 8));
  const segment = (visible: boolean, reached: boolean) => (
    <div
      style={{
        display: "flex",
        flexGrow: 1,
        height: connector,
        backgroundColor: visible ? (reached ? TONE_COLOURS.success.text : COLOURS.border) : "transparent",
      }}
    />
  );
  const current = step.state === "current";
  return (
    <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: 0, minWidth: 0 }}>
      <div style={{ display: "flex", alignItems: "center" }}>
        {segment(!first, reachedFromLeft)}
        <Marker state={step.state} size={spec.markerSize} />
        {segment(!last, reachedToRight)}
      </div>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          marginTop: spec.gap * 0.5,
          padding: `0 ${spec.gap / 2}px`,
          color:
            step.state === "upcoming" ? COLOURS.textMuted : current ? COLOURS.accentStrong : COLOURS.text,
        }}
      >
        {withStableKeys(step.label, (line) => line).map(({ key, entry: line }) => (
          <TextLine
            key={key}
            size={spec.stepLabelSize}
            weight={current ? 700 : 400}
            lineHeight={1.25}
            align="center"
          >
            {line}
          </TextLine>
        ))}
      </div>
    </div>
  );
}

/** The page's marker shapes: a filled disc with a check (done), a thick ring (current), a dashed circle (to come). */
function Marker({ state, size }: { state: MilestoneState; size: number }): ReactElement {
  const base = { display: "flex", alignItems: "center", justifyContent: "center", width: size, height: size };
  if (state === "done") {
    return (
      <div style={{ ...base, borderRadius: size, backgroundColor: TONE_COLOURS.success.text }}>
        <svg viewBox="0 0 16 16" width={size * 0.6} height={size * 0.6} aria-hidden="true">
          <path
            d="M3.5 8.5 6.5 11.5 12.5 4.5"
            fill="none"
            stroke={TONE_COLOURS.success.background}
            strokeWidth="2.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
    );
  }
  if (state === "current") {
    return (
      <div
        style={{
          ...base,
          borderRadius: size,
          border: `${Math.round(size / 5)}px solid ${COLOURS.accentStrong}`,
          backgroundColor: COLOURS.surface,
        }}
      />
    );
  }
  return (
    <div
      style={{
        ...base,
        borderRadius: size,
        border: `${Math.max(2, Math.round(size / 14))}px dashed ${COLOURS.textMuted}`,
        backgroundColor: COLOURS.surface,
      }}
    />
  );
}
