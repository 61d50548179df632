// User action: connect (or reconnect) a CalDAV server with a user name and an app-specific
// password. No redirect: the API checks them against the server and answers the integration.
import type { CalDavConnectRequest } from '@fs/contracts';
import { connectCalDav } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useConnectCalDav() {
  return useIntegrationMutation((request: CalDavConnectRequest) => connectCalDav(request));
}
