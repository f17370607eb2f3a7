/** Digit conversion between Latin, Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669). */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Latin and Arabic-Indic digits → Persian digits. */
export function toPersianDigits(input: string | number): string {
  return String(input).replace(/[0-9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const value = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 48;
    return String.fromCharCode(PERSIAN_ZERO + value);
  });
}

/** Persian and Arabic-Indic digits → Latin digits (for parsing and URLs). */
export function toLatinDigits(input: string): string {
  return input.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}
