"use client";

import { type ComponentProps, lazy, Suspense } from "react";

// The poller (and SWR with it) in a chunk of its own, fetched only by pages that render it: a finished
// checkout, which still has the copy button, does not download SWR. React.lazy rather than next/dynamic,
// whose loader would add about 1 KB to every detail page.
const LazyLiveCheckout = lazy(() =>
  import("./LiveCheckout").then((module) => ({ default: module.LiveCheckout })),
);

/** LiveCheckout, loaded on its own. Server-rendered as usual; the rest of the page hydrates without waiting for it. */
export function LiveCheckout(props: ComponentProps<typeof LazyLiveCheckout>) {
  return (
    <Suspense fallback={null}>
      <LazyLiveCheckout {...props} />
    </Suspense>
  );
}
