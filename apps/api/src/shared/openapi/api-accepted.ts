import { Type } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/**
 * Documents the 202 of a command whose read-back waits for the read models (read-your-writes):
 * the write is stored, but reads did not show it within the bound. `type` is the body then.
 */
export const ApiAccepted = (type?: Type<unknown>): MethodDecorator =>
  ApiResponse({
    status: 202,
    description:
      'Stored, but reads did not show it within `READ_YOUR_WRITES_TIMEOUT_MS`: send its ' +
      '`X-Position` as `X-Min-Position` to read it.',
    ...(type && { type }),
  });
