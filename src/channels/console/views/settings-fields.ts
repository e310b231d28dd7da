// Form fields the cabinet's components do not draw, in their markup (label, hint, error beside the field,
// aria-describedby, aria-invalid): inputs of any type (datetime-local, time, date), a text area, checkboxes.
import { type Html, html } from "../../web/html.ts";

export interface FieldOptions {
  id: string;
  name?: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  error?: string | undefined;
  /** The label is read by screen readers only (a field in a table whose headers say what it is). */
  hiddenLabel?: boolean;
}

function describedBy(o: FieldOptions): string {
  return [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""].filter(Boolean).join(" ");
}

function parts(o: FieldOptions) {
  const by = describedBy(o);
  return {
    label: html`<label for="${o.id}"${o.hiddenLabel ? html` class="visually-hidden"` : ""}>${o.label}</label>`,
    hint: o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : "",
    error: o.error ? html`<p class="error-message" id="${o.id}-error">${o.error}</p>` : "",
    attrs: html`${by ? html` aria-describedby="${by}"` : ""}${o.error ? html` aria-invalid="true"` : ""}`,
  };
}

export function inputField(o: FieldOptions & { type: "datetime-local" | "time" | "date" | "text" }): Html {
  const p = parts(o);
  return html`<div class="form-group${o.error ? " has-error" : ""}">
${p.label}
${p.hint}
${p.error}
<input id="${o.id}" name="${o.name ?? o.id}" type="${o.type}"${o.value !== undefined ? html` value="${o.value}"` : ""}${p.attrs}>
</div>`;
}

export function textArea(o: FieldOptions & { rows?: number }): Html {
  const p = parts(o);
  return html`<div class="form-group${o.error ? " has-error" : ""}">
${p.label}
${p.hint}
${p.error}
<textarea id="${o.id}" name="${o.name ?? o.id}" rows="${o.rows ?? 4}"${p.attrs}>${o.value ?? ""}</textarea>
</div>`;
}

/** Each box its own field, "<name>-<value>=on" when ticked (the cabinet's forms keep one value per name). */
export function checkboxes(o: {
  id: string;
  name: string;
  legend: string;
  choices: readonly { value: string; label: string; hint: string; checked: boolean }[];
}): Html {
  return html`<div class="form-group"><fieldset>
<legend>${o.legend}</legend>
<div class="checkboxes">${o.choices.map(
    (c, i) =>
      html`<div class="checkbox"><input type="checkbox" id="${o.id}-${i}" name="${o.name}-${c.value}" value="on" aria-describedby="${o.id}-${i}-hint"${
        c.checked ? html` checked` : ""
      }> <label for="${o.id}-${i}">${c.label}</label><p class="hint" id="${o.id}-${i}-hint">${c.hint}</p></div>`,
  )}</div>
</fieldset></div>`;
}
