/**
 * `models.<Parent>.inlines`: Django's inlines. The parent's create and edit forms show its 1-n children (or the
 * rows of an explicit join model, with their extra columns) to add, change and remove with the parent.
 */
export interface InlineOptions {
  /** A to-many relation field of the parent whose child model holds the foreign key (e.g. `"items"`). */
  relation: string;
  /**
   * The child's fields shown in each row, in this order; the foreign key to the parent is never shown (the
   * server sets it). @default the child's visible, writable fields except that foreign key
   */
  fields?: string[];
  /** Order of the rows: child field names, `-` for descending. @default the child's primary key */
  ordering?: string[];
  /** One row per line (`"table"`) or one small form per row (`"stacked"`). @default "table" */
  style?: "table" | "stacked";
  /** Fewest rows the parent may be saved with. @default 0 */
  min?: number;
  /** Most rows: the form offers no more, the server refuses more, the record's answer shows at most this many. @default 50 */
  max?: number;
  /** Heading of the inline. @default the child model's plural label */
  label?: string;
}

export const inlineStyles = ["table", "stacked"] as const;
/** Most rows an inline edits when `max` is not set (a bigger set belongs on its own list page). */
export const defaultInlineMax = 50;
