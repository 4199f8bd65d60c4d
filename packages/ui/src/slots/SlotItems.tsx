import { type SlotName, type SlotProps, useAdmin } from "@atrium/client";
import type { ComponentType } from "react";
import { SlotBoundary } from "./SlotBoundary.js";

export interface SlotItemsProps<S extends SlotName> {
  slot: S;
  props: SlotProps[S];
}

/** The components registered in an inline slot (`list.toolbar`, `record.actions`) for the props' model. */
export function SlotItems<S extends SlotName>({ slot, props }: SlotItemsProps<S>) {
  const { registry } = useAdmin();
  return (
    <>
      {registry.slots(slot, props.model).map((entry, index) => {
        const Item = entry.component as ComponentType<SlotProps[S]>;
        const name = entry.title ?? `${slot} #${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: registrations never reorder
          <SlotBoundary key={index} name={name}>
            <Item {...props} />
          </SlotBoundary>
        );
      })}
    </>
  );
}
