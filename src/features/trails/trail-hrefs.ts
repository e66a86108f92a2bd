// The Trails area's hash routes (src/app/router.tsx), as links carry them.
import type { EditSection } from './edit/edit-sections';

export const trailHrefs = {
  list: '#/trails',
  create: '#/trails/create',
  detail: (name: string) => `#/trails/${encodeURIComponent(name)}`,
  edit: (name: string, section: EditSection) => `#/trails/${encodeURIComponent(name)}/edit/${section}`,
};
