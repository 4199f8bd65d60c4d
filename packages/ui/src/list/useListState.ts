import { type ListDefaults, type ListState, listStateFromSearchParams, toSearchParams } from "@atrium/client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * List state read from and written to the URL, the model's default page size left out of it. The router applies URL changes in a transition, so the
 * next state is also held locally until the URL catches up: a clicked checkbox shows as checked at once.
 */
export function useListState(
  defaults: Pick<ListDefaults, "perPage">,
): [ListState, (next: ListState, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const { perPage } = defaults;
  const fromUrl = useMemo(() => listStateFromSearchParams(params, { perPage }), [params, perPage]);
  const [pending, setPending] = useState<ListState | null>(null);
  useEffect(() => {
    if (params) setPending(null);
  }, [params]);
  const update = useCallback(
    (next: ListState, options: { replace?: boolean } = {}) => {
      setPending(next);
      // Typing in the search box replaces history instead of piling it up.
      setParams(toSearchParams(next, { perPage }), { replace: options.replace });
    },
    [setParams, perPage],
  );
  return [pending ?? fromUrl, update];
}
