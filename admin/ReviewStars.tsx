import type { CellWidgetProps } from "atrium/client";

/**
 * Cell widget for Review.stars: "★★★★☆" instead of "4", in lists and on the review's page. Registered in
 * atrium.config.ts as `{ kind: "cell", model: "Review", field: "stars", component: "./admin/ReviewStars.tsx" }`.
 */
export default function ReviewStars({ value }: CellWidgetProps) {
  if (typeof value !== "number") return <span className="faint">—</span>;
  const stars = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span
      role="img"
      aria-label={`${stars} of 5 stars`}
      title={`${value} of 5`}
      style={{ color: "var(--warning, #d97706)", letterSpacing: 1 }}
    >
      {"★".repeat(stars)}
      <span style={{ opacity: 0.35 }}>{"☆".repeat(5 - stars)}</span>
    </span>
  );
}
