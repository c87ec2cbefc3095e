import type { ReactNode } from "react";
import { ButtonLink } from "./ButtonLink";
import styles from "./ErrorState.module.css";
import { ToneIcon } from "./ToneIcon";

type ErrorStateProps = {
  /** Plain words: "We couldn't load your checkouts". */
  title: string;
  /** What happened and what the customer can do. */
  body?: ReactNode;
  /** A "Try again" control: a form, a button with a handler (error.tsx's reset), or a link. */
  retry?: ReactNode;
  /** Somewhere to go instead ("See your orders"). */
  action?: { href: string; label: string };
};

/** The body of an error page (404, upstream down, session expired): no codes, no stack, a way on. */
export function ErrorState({ title, body, retry, action }: ErrorStateProps) {
  return (
    <div className={styles.error}>
      <ToneIcon tone="warning" className={styles.icon} />
      <h1 className={styles.title}>{title}</h1>
      {body ? <div className={styles.body}>{typeof body === "string" ? <p>{body}</p> : body}</div> : null}
      {retry || action ? (
        <div className={styles.actions}>
          {retry}
          {action ? (
            <ButtonLink href={action.href} variant={retry ? "secondary" : "primary"}>
              {action.label}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
