import type { ActionOptions } from "atrium";
import { AtriumError } from "atrium/server";

/** Bulk action on the orders list: what the warehouse does at the end of a packing round. */
export const markShipped: ActionOptions = {
  name: "markShipped",
  label: "Mark as shipped",
  description: "Paid orders move to Shipped; the customer is told by the shop's own mailer.",
  async handler({ ids, records, db, progress }) {
    const unpaid = records.filter((order) => order.status !== "PAID" && order.status !== "SHIPPED");
    if (unpaid.length > 0) {
      const numbers = unpaid.map((order) => String(order.number)).join(", ");
      throw new AtriumError("validation_failed", `Only paid orders can be shipped; not ${numbers}`);
    }
    for (const [index, id] of ids.entries()) {
      await db.update("order", id, { status: "SHIPPED" });
      progress(index + 1, ids.length);
    }
    return { message: `${ids.length === 1 ? "1 order" : `${ids.length} orders`} marked as shipped.` };
  },
};

/** Record action on an order's page, with a parameter form: a dated note for colleagues. */
export const addNote: ActionOptions = {
  name: "addNote",
  label: "Add note",
  confirm: "Add a note to {records}?",
  params: [
    {
      name: "note",
      type: "string",
      required: true,
      help: "Appended to the order's notes, with today's date.",
    },
    { name: "urgent", type: "boolean", help: "Marks the note URGENT." },
  ],
  async handler({ ids, records, params, db }) {
    const [id] = ids;
    const [order] = records;
    if (id === undefined || order === undefined) throw new AtriumError("bad_request", "Choose an order");
    const day = new Date().toISOString().slice(0, 10);
    const line = `${day}${params.urgent ? " URGENT" : ""}: ${String(params.note)}`;
    const notes = typeof order.notes === "string" && order.notes !== "" ? `${order.notes}\n${line}` : line;
    await db.update("order", id, { notes });
    return { message: `Note added to order ${String(order.number)}.` };
  },
};
