import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** @default "default" (outlined) */
  variant?: "default" | "primary" | "danger" | "ghost";
  /** @default "default" */
  size?: "default" | "small";
}

/**
 * The admin's button, as the generated pages draw it (`className="button ..."`); `type` is "button" unless
 * given, so a button inside a form never submits it by accident.
 */
export function Button({
  variant = "default",
  size = "default",
  className,
  type = "button",
  ...rest
}: ButtonProps) {
  const classes = [
    "button",
    variant === "default" ? undefined : `button-${variant}`,
    size === "small" ? "button-small" : undefined,
    className,
  ].filter(Boolean);
  return <button type={type} className={classes.join(" ")} {...rest} />;
}
