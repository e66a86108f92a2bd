// Unit and component tests: the MSW node server answers /aws with an emulator, in process.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { EmulatorHandler } from '@/emulator/handler';
import { AWS_ROUTE } from './aws-route';

export function createTestServer(handle: EmulatorHandler) {
  return setupServer(http.all(AWS_ROUTE, ({ request }) => handle(request)));
}
