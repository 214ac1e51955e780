// The paths of an index mapping's properties, to hold documents, registries and live indices
// to one another.
import type { estypes } from '@elastic/elasticsearch';

/** Every path of a mapping's properties, objects and leaves: 'object' or the leaf's type. */
export function mappingPaths(props: Record<string, estypes.MappingProperty>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, p] of Object.entries(props)) {
    const path = `${prefix}${name}`;
    const sub = (p as { properties?: Record<string, estypes.MappingProperty> }).properties;
    out.set(path, sub ? 'object' : String(p.type));
    if (sub) for (const [k, v] of mappingPaths(sub, `${path}.`)) out.set(k, v);
  }
  return out;
}

/** The paths of a document's keys, down through the objects the mapping has (not into a leaf
 *  of its own shape, such as a completion field's input). */
export function documentPaths(doc: unknown, mapped: ReadonlyMap<string, string>, prefix = '', out = new Set<string>()): Set<string> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return out;
  for (const [k, v] of Object.entries(doc)) {
    const path = `${prefix}${k}`;
    out.add(path);
    if (mapped.get(path) === 'object') documentPaths(v, mapped, `${path}.`, out);
  }
  return out;
}
