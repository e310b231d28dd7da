// The registry sources an installation knows, by name.
import type { Deps } from "../deps.ts";
import { loadRegistrySources, type RegistrySourceView } from "./registry-source-view.ts";

export function listRegistrySources(deps: Deps): Promise<RegistrySourceView[]> {
  return loadRegistrySources(deps.database.db);
}
