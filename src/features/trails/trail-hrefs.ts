// The Trails area's edit routes (src/app/router.tsx); the list, create and details routes are in
// components/hrefs.ts with the console's other routes.
import type { EditSection } from './edit/edit-sections';

export const trailHrefs = {
  edit: (name: string, section: EditSection) => `#/trails/${encodeURIComponent(name)}/edit/${section}`,
};
