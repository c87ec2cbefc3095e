import { withStableKeys } from "../../lib/stable-keys";
import styles from "./AddressLines.module.css";

/** A postal address, one line each; each line finds its own direction (RTL street names). */
export function AddressLines({ lines }: { lines: readonly string[] }) {
  return (
    <address className={styles.address}>
      {withStableKeys(lines, (line) => line).map(({ key, entry }) => (
        <span key={key} dir="auto" className={styles.line}>
          {entry}
        </span>
      ))}
    </address>
  );
}
