import type { ReactNode } from "react";
import { ButtonLink } from "../ui/ButtonLink";
import styles from "./EmptyState.module.css";

export type EmptyStateProps = {
  title: string;
  body?: ReactNode;
  action?: { href: string; label: string };
  /** 2 under the page's h1 (default). */
  headingLevel?: 2 | 3;
};

/** What the customer sees instead of an empty list: what it means and, maybe, where to go. */
export function EmptyState({ title, body, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={styles.empty}>
      <Heading className={styles.title}>{title}</Heading>
      {body ? <div className={styles.body}>{typeof body === "string" ? <p>{body}</p> : body}</div> : null}
      {action ? (
        <p>
          <ButtonLink href={action.href} variant="secondary">
            {action.label}
          </ButtonLink>
        </p>
      ) : null}
    </div>
  );
}
