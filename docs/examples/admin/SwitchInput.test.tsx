// @vitest-environment jsdom

import { cleanup, fireEvent, render } from "@testing-library/react";
import type { FieldWidgetProps } from "atrium/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import SwitchInput from "./SwitchInput.js";

afterEach(cleanup);

const field = { name: "giftWrap" } as FieldWidgetProps["field"];
const model = { name: "Order" } as FieldWidgetProps["model"];

function renderSwitch(value: unknown, disabled = false) {
  const onChange = vi.fn();
  const view = render(
    <SwitchInput
      id="field-giftWrap"
      field={field}
      model={model}
      value={value}
      onChange={onChange}
      onBlur={() => {}}
      disabled={disabled}
      invalid={false}
      describedBy="giftWrap-help"
    />,
  );
  return { onChange, button: view.getByRole("switch") };
}

describe("the SwitchInput example of docs/extending.md", () => {
  it("shows the value, is labelled by the form's label, and turns it over on a click", () => {
    const { onChange, button } = renderSwitch(false);
    expect(button.textContent).toBe("Off");
    expect(button.getAttribute("aria-checked")).toBe("false");
    expect(button.id).toBe("field-giftWrap");
    expect(button.getAttribute("aria-describedby")).toBe("giftWrap-help");
    fireEvent.click(button);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it("reads an empty value as off, and does nothing while disabled", () => {
    const { onChange, button } = renderSwitch(null, true);
    expect(button.textContent).toBe("Off");
    fireEvent.click(button);
    expect(onChange).not.toHaveBeenCalled();
  });
});
