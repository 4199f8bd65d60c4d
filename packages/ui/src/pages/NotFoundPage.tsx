import { Compass } from "lucide-react";
import { Link } from "react-router";

export function NotFoundPage({ what = "Nothing lives at this address." }: { what?: string }) {
  return (
    <div className="state">
      <Compass size={32} aria-hidden="true" />
      <h1>Page not found</h1>
      <p>{what}</p>
      <Link to="/" className="button">
        Back to the overview
      </Link>
    </div>
  );
}
