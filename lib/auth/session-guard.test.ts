import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLastKnownGood } from "@/lib/store/last-known-good";
import { type SharedStore, StoreUnavailableError } from "@/lib/store/shared-store";
import { describeWithEachStore } from "@/test-support/stores-under-test";
import { createRevocations, DEFAULT_OUTAGE_GRACE_SECONDS } from "./revocations";
import type { CustomerSession } from "./session-claims";
import { createSessionGuard } from "./session-guard";

const SECRET = "session-guard-test-secret-0123456789abcdef";
/** A save made for a session that is still signed in. */
const signedIn = async () => true;
const HOUR = 60 * 60;

describeWithEachStore("session guard", (current) => {
  const setup = () => {
    const harness = current();
    const nowSeconds = () => Math.floor(harness.now() / 1000);
    const guard = createSessionGuard(harness.store, SECRET, { now: harness.now });
    const session = (sessionId: string, userId = "usr_alex"): CustomerSession => ({
      userId,
      sessionId,
      access: { kind: "account" },
      signedInAt: nowSeconds() - 60,
      expiresAt: nowSeconds() + HOUR,
      lang: null,
    });
    return { ...harness, guard, session, nowSeconds };
  };

  it("refuses a signed-out session on every guard sharing the store, and only that session", async () => {
    const { store, now, guard, session } = setup();
    const signedOut = session("sid_aaaaaaaaaaaaaaaaaaaaaa");
    const other = session("sid_bbbbbbbbbbbbbbbbbbbbbb");
    expect(await guard.sessionIsUsable(signedOut)).toBe(true);
    expect(await guard.endSession(signedOut)).toEqual({ revoked: true, viewsForgotten: true });
    const elsewhere = createSessionGuard(store, SECRET, { now });
    expect(await elsewhere.sessionIsUsable(signedOut)).toBe(false);
    expect(await elsewhere.sessionIsUsable(other)).toBe(true);
  });

  it("deletes the customer's saved views on sign-out, and nobody else's", async () => {
    const { store, now, guard, session } = setup();
    const views = createLastKnownGood(store, SECRET, { now });
    await views.rememberView("usr_alex", "checkouts", { count: 1 }, signedIn);
    await views.rememberView("usr_blair", "checkouts", { count: 2 }, signedIn);
    await guard.endSession(session("sid_aaaaaaaaaaaaaaaaaaaaaa"));
    expect(await views.lastKnownView("usr_alex", "checkouts", countSchema)).toBeNull();
    expect((await views.lastKnownView("usr_blair", "checkouts", countSchema))?.view).toEqual({ count: 2 });
  });

  describe("a save of the customer's view racing sign-out", () => {
    /**
     * The store, with the steps of the race held until the test lets them through: the save's write
     * (a view key), sign-out's revocation (a `revoked:` key); and the save's re-check in `raceSetup`.
     */
    const raceSetup = () => {
      const base = setup();
      const held: { viewWrite?: Gate; revocation?: Gate } = {};
      /** Whether sign-out has started deleting views; while set, reading revocations fails (a blip). */
      const seen = { viewsDeleted: false, revocationReadsFail: false };
      const store: SharedStore = {
        ...base.store,
        set: async (key, value, ttl) => {
          const gate = key.startsWith("lkg:") ? held.viewWrite : held.revocation;
          if (gate) await gate.pass();
          return base.store.set(key, value, ttl);
        },
        get: async (key) => {
          if (seen.revocationReadsFail && key.startsWith("revoked:")) throw new StoreUnavailableError("blip");
          return base.store.get(key);
        },
        deleteByPrefix: async (prefix) => {
          seen.viewsDeleted = true;
          return base.store.deleteByPrefix(prefix);
        },
      };
      // Sign-out and the pages share one store, hence one saved-view memo, as in the portal.
      const guard = createSessionGuard(store, SECRET, { now: base.now });
      const pages = createLastKnownGood(store, SECRET, { now: base.now });
      const alex = base.session("sid_aaaaaaaaaaaaaaaaaaaaaa");
      const recheck: { gate?: Gate } = {};
      const stillSignedIn = async () => {
        await recheck.gate?.pass();
        return guard.sessionIsConfirmedActive(alex);
      };
      const save = () => pages.rememberView("usr_alex", "list:all:1", { count: 1 }, stillSignedIn);
      const storedView = () => pages.lastKnownView("usr_alex", "list:all:1", countSchema);
      return { ...base, held, seen, guard, pages, alex, recheck, save, storedView };
    };

    it("an ordinary save, with no sign-out, stays", async () => {
      const { save, storedView } = raceSetup();
      expect(await save()).toBe("saved");
      expect((await storedView())?.view).toEqual({ count: 1 });
    });

    it("sign-out's revocation and delete land before the save's write: the save's check takes it back", async () => {
      const { held, guard, alex, save, storedView, pages, session } = raceSetup();
      held.viewWrite = gate();
      const saving = save();
      await held.viewWrite.reached;
      expect(await guard.endSession(alex)).toEqual({ revoked: true, viewsForgotten: true });
      held.viewWrite.open();
      expect(await saving).toBe("withdrawn");
      expect(await storedView()).toBeNull();
      // Signed in again: the same view is written, not skipped as "saved moments ago".
      held.viewWrite = undefined;
      const again = session("sid_cccccccccccccccccccccc");
      expect(
        await pages.rememberView("usr_alex", "list:all:1", { count: 1 }, () =>
          guard.sessionIsConfirmedActive(again),
        ),
      ).toBe("saved");
      expect((await storedView())?.view).toEqual({ count: 1 });
    });

    it("the save writes and checks before sign-out's revocation: sign-out's delete comes after, and removes it", async () => {
      const { held, seen, guard, alex, save, storedView } = raceSetup();
      held.revocation = gate();
      const signingOut = guard.endSession(alex);
      await held.revocation.reached;
      expect(await save()).toBe("saved");
      // Sign-out deletes only after its revocation: nothing deleted while the revocation is held.
      expect(seen.viewsDeleted).toBe(false);
      held.revocation.open();
      expect(await signingOut).toEqual({ revoked: true, viewsForgotten: true });
      expect(await storedView()).toBeNull();
    });

    it("after sign-out, a save whose check cannot reach the store takes its view back: no grace for keeping it", async () => {
      const { recheck, seen, guard, alex, save, storedView } = raceSetup();
      await guard.endSession(alex);
      recheck.gate = gate();
      const saving = save();
      await recheck.gate.reached;
      seen.revocationReadsFail = true; // the store blinks for the check only
      recheck.gate.open();
      expect(await saving).toBe("withdrawn");
      seen.revocationReadsFail = false;
      expect(await storedView()).toBeNull();
    });

    it("the save writes before sign-out and checks after it: the check sees the revocation", async () => {
      const { recheck, guard, alex, save, storedView } = raceSetup();
      recheck.gate = gate();
      const saving = save();
      await recheck.gate.reached;
      await guard.endSession(alex);
      recheck.gate.open();
      expect(await saving).toBe("withdrawn");
      expect(await storedView()).toBeNull();
    });
  });

  it("refuses revoked links, and lets links without a jti through (they cannot be revoked)", async () => {
    const { store, now, guard, nowSeconds } = setup();
    await createRevocations(store, SECRET, { now }).revokeLink("jti_Zx81Qw62Ev", nowSeconds() + HOUR);
    expect(await guard.linkVerdict({ tokenId: "jti_Zx81Qw62Ev", userId: "usr_alex", issuedAt: 0 })).toBe(
      "revoked",
    );
    expect(await guard.linkVerdict({ tokenId: "jti_Other12345", userId: "usr_alex", issuedAt: 0 })).toBe(
      "usable",
    );
    expect(await guard.linkVerdict({ tokenId: null, userId: "usr_alex", issuedAt: 0 })).toBe("usable");
  });

  it("serves sessions through a short outage, then refuses them; links fail closed at once", async () => {
    const { guard, session, breakStore, restore, advanceSeconds } = setup();
    const current = session("sid_aaaaaaaaaaaaaaaaaaaaaa");
    breakStore();
    expect(await guard.sessionIsUsable(current)).toBe(true);
    expect(await guard.linkVerdict({ tokenId: "jti_Zx81Qw62Ev", userId: "usr_alex", issuedAt: 0 })).toBe(
      "unverifiable",
    );
    await advanceSeconds(DEFAULT_OUTAGE_GRACE_SECONDS);
    expect(await guard.sessionIsUsable(current)).toBe(false);
    restore();
    expect(await guard.sessionIsUsable(current)).toBe(true);
  });

  it("reports a sign-out it could not record instead of throwing", async () => {
    const { guard, session, breakStore } = setup();
    breakStore();
    expect(await guard.endSession(session("sid_aaaaaaaaaaaaaaaaaaaaaa"))).toEqual({
      revoked: false,
      viewsForgotten: false,
    });
  });
});

const countSchema = z.object({ count: z.number() });

/** A step held until `open()`; `reached` settles once something waits at it (`pass()`). */
type Gate = { reached: Promise<void>; open(): void; pass(): Promise<void> };

function gate(): Gate {
  let arrive = () => {};
  let open = () => {};
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    reached,
    open,
    pass: () => {
      arrive();
      return opened;
    },
  };
}
