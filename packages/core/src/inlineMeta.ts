/**
 * A parent's inline (config `models.<Parent>.inlines`, Django's inlines), as the server and the UI use it: the
 * children of one 1-n relation, edited on the parent's create and edit forms and saved with it in one transaction.
 */
export interface InlineMeta {
  /** The parent's to-many relation field (`items`); also the inline's key in a body's `$inlines`. */
  relation: string;
  /** URL key of the child model. */
  model: string;
  /** The child's relation field back to the parent (`order`): set by the server, never by the client. */
  backField: string;
  /** The child's fields holding the parent's key (`orderId`), in the order of the parent's `toFields`. */
  foreignKey: string[];
  /** The child's fields shown and written in each row, in this order. */
  fields: string[];
  /** Order of the rows, as `sort` tokens (`-createdAt`); the child's id fields follow. */
  ordering: string[];
  style: "table" | "stacked";
  /** Fewest rows the parent may be saved with. */
  min: number;
  /** Most rows the parent may be saved with, and the most an answer holds. */
  max: number;
  /** Heading; the child model's plural label when absent. */
  label?: string;
}
