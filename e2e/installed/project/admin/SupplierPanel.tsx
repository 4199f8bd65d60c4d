import type { SlotProps } from "atrium/client";

/** A panel on a product's page naming its supplier. */
export default function SupplierPanel({ record }: SlotProps["record.panel"]) {
  const supplier = record?.supplier as { $label?: string } | null | undefined;
  return <p data-testid="supplier-panel">Supplied by {supplier?.$label ?? "nobody"}</p>;
}
