// A registry source by name, or registry_source_unknown naming the ones there are. A name that cannot be a
// source's (a NUL byte, a control character, anything but lowercase Latin letters, digits and '-') is unknown
// without asking the database, which would refuse such text with an error of its own.
import type { Db, Tx } from "../../db/database.ts";
import { AppError } from "../errors.ts";
import { loadRegistrySources, type RegistrySourceView } from "./registry-source-view.ts";

/** What registry_sources.name admits (migration 0009). */
export const SOURCE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The name as the refusal repeats it: control characters shown as "�", and no longer than a name can be. */
function shown(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  const visible = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
  return visible.length > 60 ? `${visible.slice(0, 60)}…` : visible;
}

export async function findRegistrySource(db: Db | Tx, name: string): Promise<RegistrySourceView> {
  const wanted = name.trim();
  if (SOURCE_NAME.test(wanted)) {
    const [found] = await loadRegistrySources(db, wanted);
    if (found) return found;
  }
  const known = (await loadRegistrySources(db)).map((s) => s.name);
  throw new AppError(
    "registry_source_unknown",
    { source: shown(name), known: known.join(", ") || "—" },
    { known },
  );
}
