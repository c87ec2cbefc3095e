import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { Locale } from "./locales";

/**
 * Every customer-facing message, one file per language (messages/<locale>.json, ICU MessageFormat).
 * English is the reference: its shape is the type every other language must match, key for key
 * (messages.test.ts fails on a key missing from either side, or on placeholders that differ).
 */
export type Messages = typeof en;

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, es };
