/**
 * The Jalali date and time field of the web editor, in plain DOM (the Decap widget in editor.ts wraps
 * it): a text box holding exactly what an author would type (`1404-09-12 10:30`), a Persian month
 * grid (Persian month names and digits, today marked in the site's time zone, only the month's real
 * days offered) and a time box. Any date form Chapar accepts opens with its day selected; the text is
 * read by Chapar's own parser (lib/dates/jalali.ts), whose Persian message a wrong date gets.
 */
import { jalaaliMonthLength, toGregorian } from "jalaali-js";
import { JALALI_MONTH_NAMES, jalaliDay, parseReleaseDate } from "../../dates/jalali.ts";
import { toLatinDigits, toPersianDigits } from "../../text/digits.ts";
import { editorStrings } from "../../locale/fa.strings.ts";

const s = editorStrings.dateField;
/** The Persian week starts on Saturday. */
const WEEKDAYS = ["ش", "ی", "د", "س", "چ", "پ", "ج"];
const WEEKDAY_NAMES = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];

export interface JalaliFieldOptions {
  id: string;
  value: string;
  timeZone: string;
  onChange: (text: string) => void;
  /** Now, in ms (tests fix it). */
  now?: number;
}

export interface JalaliField {
  /** The value changed outside (another entry opened). */
  update(value: string): void;
}

const pad = (n: number) => String(n).padStart(2, "0");
const fa = (n: number | string) => toPersianDigits(String(n));

/** The day and time a written value names, if Chapar reads it. */
export function selectedMoment(value: string, timeZone: string): { jy: number; jm: number; jd: number; time: string } | undefined {
  if (value.trim() === "") return undefined;
  const parsed = parseReleaseDate(value, timeZone);
  if (!parsed.ok) return undefined;
  const { jy, jm, jd, hasTime, iso } = parsed.date;
  return { jy, jm, jd, time: hasTime ? iso.slice(11, 16) : "" };
}

/** What the field writes for a picked day and a time (`""` for none): the text an author would type. */
export function dateText(jy: number, jm: number, jd: number, time: string): string {
  return `${jy}-${pad(jm)}-${pad(jd)}${time ? ` ${time}` : ""}`;
}

export function mountJalaliField(root: HTMLElement, options: JalaliFieldOptions): JalaliField {
  const { id, timeZone, onChange } = options;
  const today = jalaliDay(options.now ?? Date.now(), timeZone);
  let value = options.value;
  const first = selectedMoment(value, timeZone);
  let shown = { jy: first?.jy ?? today.jy, jm: first?.jm ?? today.jm };

  root.classList.add("chapar-date");
  root.setAttribute("dir", "rtl");
  root.innerHTML = "";
  const textBox = el("input", {
    type: "text",
    id,
    dir: "ltr",
    class: "chapar-date-text",
    autocomplete: "off",
    "aria-describedby": `${id}-hint`,
  });
  const hint = el("p", { id: `${id}-hint`, class: "chapar-date-hint" }, s.hint);
  const calendar = el("div", { class: "chapar-calendar", role: "group", "aria-label": s.calendar });
  const timeLabel = el("label", { class: "chapar-date-time" }, `${s.time} `);
  const timeBox = el("input", {
    type: "text",
    dir: "ltr",
    inputmode: "numeric",
    placeholder: "10:30",
    class: "chapar-time",
    "aria-label": s.time,
  });
  timeLabel.append(timeBox);
  root.append(textBox, hint, calendar, timeLabel);

  const write = (text: string) => {
    value = text;
    textBox.value = text;
    onChange(text);
    draw();
  };
  textBox.addEventListener("input", () => {
    value = textBox.value;
    onChange(value);
    const picked = selectedMoment(value, timeZone);
    if (picked) shown = { jy: picked.jy, jm: picked.jm };
    draw();
  });
  timeBox.addEventListener("change", () => {
    const picked = selectedMoment(value, timeZone);
    const time = toLatinDigits(timeBox.value.trim());
    if (picked) write(dateText(picked.jy, picked.jm, picked.jd, time));
  });

  function draw() {
    const picked = selectedMoment(value, timeZone);
    if (document.activeElement !== textBox) textBox.value = value;
    if (document.activeElement !== timeBox) timeBox.value = picked?.time ?? "";
    calendar.innerHTML = "";
    const head = el("div", { class: "chapar-calendar-head" });
    const previous = el("button", { type: "button", class: "chapar-month-previous", "aria-label": s.previousMonth }, "›");
    const next = el("button", { type: "button", class: "chapar-month-next", "aria-label": s.nextMonth }, "‹");
    const title = el("span", { class: "chapar-month", "aria-live": "polite" }, `${JALALI_MONTH_NAMES[shown.jm - 1]} ${fa(shown.jy)}`);
    previous.addEventListener("click", () => {
      shown = shown.jm === 1 ? { jy: shown.jy - 1, jm: 12 } : { jy: shown.jy, jm: shown.jm - 1 };
      draw();
    });
    next.addEventListener("click", () => {
      shown = shown.jm === 12 ? { jy: shown.jy + 1, jm: 1 } : { jy: shown.jy, jm: shown.jm + 1 };
      draw();
    });
    head.append(previous, title, next);
    const table = el("table", { class: "chapar-month-grid" });
    const headRow = el("tr");
    WEEKDAYS.forEach((d, i) => {
      headRow.append(el("th", { scope: "col", abbr: WEEKDAY_NAMES[i]! }, d));
    });
    table.append(el("thead"), el("tbody"));
    table.tHead!.append(headRow);
    const { gy, gm, gd } = toGregorian(shown.jy, shown.jm, 1);
    const offset = (new Date(Date.UTC(gy, gm - 1, gd)).getUTCDay() + 1) % 7;
    const days = jalaaliMonthLength(shown.jy, shown.jm);
    let row = el("tr");
    for (let i = 0; i < offset; i++) row.append(el("td"));
    for (let d = 1; d <= days; d++) {
      const isPicked = picked?.jy === shown.jy && picked.jm === shown.jm && picked.jd === d;
      const isToday = today.jy === shown.jy && today.jm === shown.jm && today.jd === d;
      const button = el(
        "button",
        {
          type: "button",
          class: `chapar-day${isPicked ? " is-picked" : ""}${isToday ? " is-today" : ""}`,
          "aria-label": `${fa(d)} ${JALALI_MONTH_NAMES[shown.jm - 1]} ${fa(shown.jy)}${isToday ? ` (${s.today})` : ""}`,
          "aria-pressed": String(isPicked),
          "data-day": String(d),
          ...(isToday ? { "aria-current": "date" } : {}),
        },
        fa(d),
      );
      const day = d;
      button.addEventListener("click", () => write(dateText(shown.jy, shown.jm, day, picked?.time ?? timeBox.value.trim())));
      const cell = el("td");
      cell.append(button);
      row.append(cell);
      if ((offset + d) % 7 === 0) {
        table.tBodies[0]!.append(row);
        row = el("tr");
      }
    }
    if (row.childElementCount > 0) table.tBodies[0]!.append(row);
    calendar.append(head, table);
  }
  draw();
  return {
    update(next: string) {
      if (next === value) return;
      value = next;
      const picked = selectedMoment(value, timeZone);
      if (picked) shown = { jy: picked.jy, jm: picked.jm };
      draw();
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
