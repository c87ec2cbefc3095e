"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./CopyButton.module.css";
import { VisuallyHidden } from "./VisuallyHidden";

type CopyButtonProps = {
  /** The text put on the clipboard. */
  value: string;
  /**
   * Its words, already in the customer's language: a client component never loads the messages, so
   * the server parent passes them (`checkout.copy.*`).
   */
  labels: CopyButtonLabels;
  /** The element showing the value: selected when the clipboard is unavailable, so copying is one step away. */
  targetId?: string;
};

type CopyButtonLabels = {
  /** Visible: "Copy". */
  button: string;
  /** Spoken after it: "tracking number" (the button's name is "Copy tracking number"). */
  spokenWhat: string;
  copied: string;
  /** When the clipboard failed and the value was selected instead. */
  selected: string;
  /** When neither worked. */
  byHand: string;
};

const MESSAGE_MS = 4000;

/**
 * Copies a value shown beside it. Rendered only once JavaScript runs: without it the value is plain
 * text and can be selected as usual, and a button that did nothing would only mislead.
 */
export function CopyButton({ value, labels, targetId }: CopyButtonProps) {
  const [enhanced, setEnhanced] = useState(false);
  const [message, setMessage] = useState("");
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setEnhanced(true);
    return () => clearTimeout(clearTimer.current);
  }, []);

  function announce(text: string) {
    setMessage(text);
    clearTimeout(clearTimer.current);
    clearTimer.current = setTimeout(() => setMessage(""), MESSAGE_MS);
  }

  async function copy() {
    try {
      // Missing outside secure contexts (plain http) and in some embedded browsers.
      if (!navigator.clipboard?.writeText) throw new Error("Clipboard unavailable");
      await navigator.clipboard.writeText(value);
      announce(labels.copied);
    } catch {
      announce(selectText(targetId) ? labels.selected : labels.byHand);
    }
  }

  if (!enhanced) return null;
  return (
    <span className={styles.wrapper}>
      <button type="button" className={styles.button} onClick={copy}>
        {labels.button}
        <VisuallyHidden> {labels.spokenWhat}</VisuallyHidden>
      </button>
      {/* Present from the first render so assistive tech is already listening when the text changes. */}
      <span role="status" className={styles.message}>
        {message}
      </span>
    </span>
  );
}

function selectText(targetId: string | undefined): boolean {
  const target = targetId ? document.getElementById(targetId) : null;
  const selection = window.getSelection();
  if (!target || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(target);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
