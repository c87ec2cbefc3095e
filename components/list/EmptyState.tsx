import type { ReactNode } from "react";
import { ButtonLink } from "../ui/ButtonLink";
import styles from "./EmptyState.module.css";

type EmptyStateProps = {
  title: string;
  body?: ReactNode;
  action?: { href: string; label: string };
};

/** What the customer sees instead of an empty list: what it means and, maybe, where to go. */
export function EmptyState({ title, body, action }: EmptyStateProps) {
  return (
    <div className={styles.empty}>
      <h2 className={styles.title}>{title}</h2>
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
