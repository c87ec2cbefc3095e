/** `npm run build`'s last step: the browser assets and `start.mjs` beside the standalone server (scripts/lib/standalone.ts). */
import { prepareStandalone } from "./lib/standalone";

prepareStandalone();
