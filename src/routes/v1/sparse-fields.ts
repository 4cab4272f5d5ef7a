import type { Item, Presented } from '../../snapshot/json.js';
import { withFields } from '../../snapshot/presenter.js';

/**
 * An item trimmed to a sparse fieldset (`fields`), typed as the whole item its operation
 * declares. The OpenAPI document declares items whole, every field required, and says on each
 * response that takes `fields` that the fields not named are left out (`x-sparse-fieldset`):
 * clients that do not use `fields` get exact types, and those that do read only what they named
 * (docs/generated-clients.md). This is the one place that types a trimmed item as a whole one.
 */
export function sparse<T extends object>(item: Presented<T> | T, fields: readonly string[] | undefined): Item<T> {
  return withFields(item, fields) as Item<T>;
}
