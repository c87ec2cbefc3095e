/**
 * Form posts are small: the portal's own forms send a token (~300 bytes), a language, a return path.
 * Next would read a body of up to 10 MB for a route; these routes read at most MAX_FORM_BYTES and
 * answer 413 to anything larger (docs/security.md). next.config.mjs caps what Next itself buffers
 * for the proxy at 256 KB: a larger body is cut there, still well over this limit, and refused here.
 */
export const MAX_FORM_BYTES = 16 * 1024;

export type PostedForm =
  /** The body is over the limit: answer 413 (the route's own page or text). */
  | { tooLarge: true }
  /** The posted form; null when the body is not a form (each route treats that as an empty form). */
  | { tooLarge: false; form: FormData | null };

/**
 * Reads a form post of at most `maxBytes`. A `Content-Length` over it is refused before a byte is
 * read; a body without one (chunked) is read only up to the limit, and refused once it passes it.
 */
export async function readPostedForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<PostedForm> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return { tooLarge: true };
  const body = await readAtMost(request.body, maxBytes);
  if (body === null) return { tooLarge: true };
  const contentType = request.headers.get("content-type") ?? "";
  try {
    return {
      tooLarge: false,
      form: await new Response(body, { headers: { "content-type": contentType } }).formData(),
    };
  } catch {
    return { tooLarge: false, form: null };
  }
}

/** The stream's bytes, or null as soon as there are more than `maxBytes` (the rest is never read). */
async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const bytes = new Uint8Array(maxBytes);
  if (stream === null) return bytes.subarray(0, 0);
  const reader = stream.getReader();
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes.subarray(0, length);
    if (length + value.byteLength > maxBytes) {
      await reader.cancel();
      return null;
    }
    bytes.set(value, length);
    length += value.byteLength;
  }
}
