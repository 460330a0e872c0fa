import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';

/** Documents how the audit log routes authenticate and refuse, alike for the page and the export. */
export const AuditLogResponses = (): MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiResponse({
      status: 400,
      description: '`validation_failed`: `fields` names each bad or unknown query parameter.',
    }),
    ApiResponse({
      status: 401,
      description: '`authentication_required`, `invalid_token` or `invalid_api_key`.',
    }),
    ApiResponse({
      status: 403,
      description: '`forbidden`: an API key without the `management` scope.',
    }),
  );
