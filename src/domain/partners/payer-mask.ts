// What a partner may show a payer so they recognise their own account, and no more (the example:
// "Ш******о Т. І., вул. М***, 12"): the surname's first and last letters with the rest starred, initials of the
// other names, the street's kind and first letter, and the building. The apartment, the settlement's details and
// any full name never leave.

/** "Шевченко Тарас Іванович" → "Ш******о Т. І."; a one- or two-letter surname keeps its first letter only. */
export function maskFullName(fullName: string): string {
  const [surname = "", ...others] = fullName.trim().split(/\s+/).filter(Boolean);
  const letters = [...surname];
  const masked =
    letters.length <= 2
      ? `${letters[0] ?? ""}${"*".repeat(Math.max(0, letters.length - 1))}`
      : `${letters[0]}${"*".repeat(letters.length - 2)}${letters.at(-1)}`;
  const initials = others.map((name) => `${[...name][0]?.toUpperCase() ?? ""}.`);
  return [masked, ...initials].filter(Boolean).join(" ");
}

/** Words that say what kind of street it is: kept, so "вул. М***" still reads as a street. */
const STREET_KINDS =
  /^(вул\.?|вулиця|просп\.?|проспект|пров\.?|провулок|пл\.?|площа|бульв\.?|бул\.?|бульвар|узвіз|шосе|ул\.?|улица|пер\.?|переулок|мкрн\.?|м-н)$/i;

/** "вул. Миру", "12" → "вул. М***, 12". */
export function maskAddress(street: string, building: string): string {
  const words = street.trim().split(/\s+/).filter(Boolean);
  const kinds: string[] = [];
  while (words.length > 0 && STREET_KINDS.test(words[0] ?? "")) kinds.push(words.shift() ?? "");
  const name = words.join(" ");
  const first = [...name][0] ?? "";
  const maskedName = first === "" ? "" : `${first}***`;
  const streetPart = [...kinds, maskedName].filter(Boolean).join(" ");
  return [streetPart, building.trim()].filter(Boolean).join(", ");
}
