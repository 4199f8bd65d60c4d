import { useAdmin } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { useQuery } from "@tanstack/react-query";

/**
 * The stored rows of a record's inlines (config `inlines`): the edit form's rows, or the rows a duplicate
 * starts from. Read afresh each time a form opens; nothing is read for a model without inlines or no record.
 */
export function useStoredInlines(model: ModelMeta | undefined, id: string | undefined) {
  const { api } = useAdmin();
  const hasInlines = (model?.admin?.inlines?.length ?? 0) > 0;
  const key = model?.key ?? "";
  return {
    hasInlines,
    query: useQuery({
      queryKey: ["atrium", "inlines", key, id],
      queryFn: ({ signal }) => api.inlines(key, id ?? "", signal),
      enabled: hasInlines && id !== undefined,
      staleTime: 0,
    }),
    reload: () => api.inlines(key, id ?? ""),
  };
}
