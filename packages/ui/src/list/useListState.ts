import { type ListState, listStateFromSearchParams, toSearchParams } from "@atrium/client";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/** List state read from and written to the URL; typing in the search box replaces history instead of piling it up. */
export function useListState(): [ListState, (next: ListState, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => listStateFromSearchParams(params), [params]);
  const update = useCallback(
    (next: ListState, options: { replace?: boolean } = {}) =>
      setParams(toSearchParams(next), { replace: options.replace }),
    [setParams],
  );
  return [state, update];
}
