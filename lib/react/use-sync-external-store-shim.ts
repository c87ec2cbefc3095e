/**
 * Stands in for the `use-sync-external-store/shim` package in the browser bundle (next.config.mjs):
 * SWR imports the shim for React 17, but React 19 has the hook built in, and the shim's fallback
 * code would only add bytes to every page that polls.
 */
export { useSyncExternalStore } from "react";
