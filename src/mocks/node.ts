// Unit and component tests: the MSW node server answers /aws with an emulator, in process.
import { http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { EmulatorHandler } from '@/emulator/handler';
import { AWS_ROUTE } from './aws-route';

/** `handlers` answer whatever else the code under test asks for (e.g. the console's trailview.json). */
export function createTestServer(handle: EmulatorHandler, ...handlers: RequestHandler[]) {
  return setupServer(
    http.all(AWS_ROUTE, ({ request }) => handle(request)),
    ...handlers,
  );
}
