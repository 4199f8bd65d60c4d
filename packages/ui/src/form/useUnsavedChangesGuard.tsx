import { type ReactNode, useCallback, useEffect, useRef } from "react";
import { useBlocker } from "react-router";
import { Dialog } from "../components/Dialog.js";

/**
 * Warns before unsaved changes are lost: in-app navigation through the router's blocker, tab close and
 * reload through `beforeunload`. `allowNavigation()` lets the navigation that follows a save through.
 */
export function useUnsavedChangesGuard(dirty: boolean): { allowNavigation: () => void; dialog: ReactNode } {
  const allowed = useRef(false);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current &&
      !allowed.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);
  const allowNavigation = useCallback(() => {
    allowed.current = true;
  }, []);
  const dialog = (
    <Dialog
      open={blocker.state === "blocked"}
      title="Discard unsaved changes?"
      onClose={() => blocker.reset?.()}
      footer={
        <>
          <button type="button" className="button" onClick={() => blocker.reset?.()}>
            Keep editing
          </button>
          <button type="button" className="button button-danger" onClick={() => blocker.proceed?.()}>
            Discard changes
          </button>
        </>
      }
    >
      <p style={{ margin: 0 }}>You have changes that are not saved yet. Leaving this page discards them.</p>
    </Dialog>
  );
  return { allowNavigation, dialog };
}
