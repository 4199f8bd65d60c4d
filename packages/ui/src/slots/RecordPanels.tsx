import { type Row, useAdmin } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { type ReactNode, useId } from "react";
import { SlotBoundary } from "./SlotBoundary.js";

/** One `record.panel` component as a card with its title as heading (and the region's name). */
function Panel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card related-section section" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <div className="card-body">
        <SlotBoundary name={title}>{children}</SlotBoundary>
      </div>
    </section>
  );
}

/** The `record.panel` components registered for `model`, under the record's fields. */
export function RecordPanels({ model, record }: { model: ModelMeta; record: Row }) {
  const { registry } = useAdmin();
  return (
    <>
      {registry.slots("record.panel", model).map(({ component: Content, title }, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: registrations never reorder
        <Panel key={index} title={title ?? "Panel"}>
          <Content model={model} recordId={record.$id} record={record} />
        </Panel>
      ))}
    </>
  );
}
