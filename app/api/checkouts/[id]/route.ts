import { customerForRoute } from "@/lib/auth/customer-session";
import { loadCheckoutView } from "@/lib/checkout/load";
import { jsonResponseForError, PRIVATE_NO_STORE } from "@/lib/http/json-errors";
import { getLocale } from "@/lib/request/locale";

type Context = { params: Promise<{ id: string }> };

/** The live status of one checkout: the same sanitized view model the page renders. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const session = await customerForRoute({ checkoutId: id });
  if (session instanceof Response) return session;
  try {
    return Response.json(await loadCheckoutView(session.userId, id, await getLocale()), {
      headers: PRIVATE_NO_STORE,
    });
  } catch (error) {
    return jsonResponseForError(error);
  }
}
