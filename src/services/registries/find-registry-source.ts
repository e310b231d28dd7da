// A registry source by name, or registry_source_unknown naming the ones there are.
import type { Db, Tx } from "../../db/database.ts";
import { AppError } from "../errors.ts";
import { loadRegistrySources, type RegistrySourceView } from "./registry-source-view.ts";

export async function findRegistrySource(db: Db | Tx, name: string): Promise<RegistrySourceView> {
  const [found] = await loadRegistrySources(db, name.trim());
  if (found) return found;
  const known = (await loadRegistrySources(db)).map((s) => s.name);
  throw new AppError("registry_source_unknown", { source: name, known: known.join(", ") || "—" }, { known });
}
